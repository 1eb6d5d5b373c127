using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Storage;

/// <summary>
/// The table-store port over Azure Table storage (or Azurite) through the Azure SDK's <see cref="TableServiceClient"/>.
/// Every request is checked against <see cref="TableLimits"/> first, so the service never sees what it would reject.
/// </summary>
/// <param name="service">The service client, e.g. from <see cref="TableStorageConnection.CreateServiceClient"/>.</param>
public sealed class AzureTableStore(TableServiceClient service) : ITableStore
{
    private readonly ConcurrentDictionary<string, TableClient> _tables = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) =>
        await Table(table).CreateIfNotExistsAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<ETag> AddAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        ETagOf(await Table(table).AddEntityAsync(Checked(entity), cancellationToken));

    /// <inheritdoc />
    public async Task<ETag> UpsertAsync(string table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        ETagOf(await Table(table).UpsertEntityAsync(Checked(entity), mode, cancellationToken));

    /// <inheritdoc />
    public async Task<ETag> UpdateAsync(string table, TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        TableLimits.IfMatch(ifMatch);
        return ETagOf(await Table(table).UpdateEntityAsync(Checked(entity), ifMatch, mode, cancellationToken));
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableLimits.Key(partitionKey, nameof(partitionKey));
        TableLimits.Key(rowKey, nameof(rowKey));
        await Table(table).DeleteEntityAsync(partitionKey, rowKey, ifMatch == default ? ETag.All : ifMatch, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableLimits.Key(partitionKey, nameof(partitionKey));
        TableLimits.Key(rowKey, nameof(rowKey));
        var response = await Table(table).GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
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
    public async Task SubmitTransactionAsync(string table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableLimits.Batch(actions);
        await Table(table).SubmitTransactionAsync(actions.Select(WithoutNulls), cancellationToken);
    }

    private TableClient Table(string name)
    {
        TableLimits.TableName(name);
        return _tables.GetOrAdd(name, service.GetTableClient);
    }

    // A null property means "not set" on both stores; the SDK would send it as JSON null.
    private static TableEntity Checked(TableEntity entity)
    {
        TableLimits.Entity(entity);
        return WithoutNulls(entity);
    }

    private static TableEntity WithoutNulls(TableEntity entity)
    {
        if (TableLimits.Properties(entity).All(p => p.Value is not null))
        {
            return entity;
        }

        var copy = new TableEntity(entity.PartitionKey, entity.RowKey) { ETag = entity.ETag };
        foreach (var (name, value) in TableLimits.Properties(entity))
        {
            if (value is not null)
            {
                copy[name] = value;
            }
        }

        return copy;
    }

    private static TableTransactionAction WithoutNulls(TableTransactionAction action) =>
        action.Entity is TableEntity entity && !ReferenceEquals(WithoutNulls(entity), entity)
            ? new TableTransactionAction(action.ActionType, WithoutNulls(entity), action.ETag)
            : action;

    private static ETag ETagOf(Response response) => response.Headers.ETag ?? default;
}
