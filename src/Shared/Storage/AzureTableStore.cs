using System.Collections.Concurrent;
using Azure;
using Serverless.Tables;

namespace Serverless.Storage;

/// <summary>The table-store port over Azure Table storage (or Azurite) through our <see cref="TableServiceClient"/>.</summary>
public sealed class AzureTableStore(TableServiceClient service) : ITableStore
{
    private readonly ConcurrentDictionary<string, TableClient> _tables = new(StringComparer.Ordinal);

    /// <summary>Creates the store from a storage connection string.</summary>
    /// <param name="connectionString">See <see cref="TableConnectionString.Parse"/>.</param>
    /// <param name="options">Pipeline options.</param>
    public AzureTableStore(string connectionString, TableClientOptions? options = null)
        : this(new TableServiceClient(connectionString, options))
    {
    }

    /// <inheritdoc />
    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) =>
        Table(table).CreateIfNotExistsAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<ETag> AddAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        ETagOf(await Table(table).AddEntityAsync(entity, cancellationToken));

    /// <inheritdoc />
    public async Task<ETag> UpsertAsync(string table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        ETagOf(await Table(table).UpsertEntityAsync(entity, mode, cancellationToken));

    /// <inheritdoc />
    public async Task<ETag> UpdateAsync(string table, TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        ETagOf(await Table(table).UpdateEntityAsync(entity, ifMatch, mode, cancellationToken));

    /// <inheritdoc />
    public Task DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default) =>
        Table(table).DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);

    /// <inheritdoc />
    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await Table(table).GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <inheritdoc />
    public async Task<TableStorePage> QueryAsync(string table, TableStoreQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = TableStoreFilter.ToOData(query);
        var pages = Table(table).QueryAsync<TableEntity>(filter, query.PageSize, cancellationToken: cancellationToken);
        await foreach (var page in pages.AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken))
        {
            return new TableStorePage(page.Values, page.ContinuationToken);
        }

        return new TableStorePage([], null);
    }

    /// <inheritdoc />
    public Task SubmitTransactionAsync(string table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default) =>
        Table(table).SubmitTransactionAsync(actions, cancellationToken);

    private TableClient Table(string name) => _tables.GetOrAdd(name, service.GetTableClient);

    private static ETag ETagOf(Response response) => response.Headers.ETag ?? default;
}
