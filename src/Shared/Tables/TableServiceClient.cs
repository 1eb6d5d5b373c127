using Azure;
using Azure.Core;

namespace Serverless.Tables;

/// <summary>The account-level entry point: hands out <see cref="TableClient"/>s and creates or deletes tables.</summary>
public class TableServiceClient
{
    private readonly TableRestPipeline _rest = null!;

    /// <summary>Creates a client from a storage connection string.</summary>
    /// <param name="connectionString">See <see cref="TableConnectionString.Parse"/>.</param>
    /// <param name="options">Pipeline options.</param>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(PipelineFor(connectionString, options))
    {
    }

    /// <summary>Creates a client that signs with an account key.</summary>
    /// <param name="endpoint">The table endpoint.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Pipeline options.</param>
    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableRestPipeline.Create(endpoint, credential, options))
    {
    }

    /// <summary>Creates a client that authenticates with Microsoft Entra ID (e.g. a managed identity).</summary>
    /// <param name="endpoint">The table endpoint.</param>
    /// <param name="credential">Any Azure.Identity credential.</param>
    /// <param name="options">Pipeline options.</param>
    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(TableRestPipeline.Create(endpoint, credential, options))
    {
    }

    /// <summary>For mocking.</summary>
    protected TableServiceClient()
    {
    }

    private TableServiceClient(TableRestPipeline rest) => _rest = rest;

    /// <summary>The account's table endpoint.</summary>
    public virtual Uri Uri => _rest.Endpoint;

    /// <summary>A client for one table (no request is made).</summary>
    /// <param name="tableName">The table.</param>
    /// <returns>The table client, sharing this client's pipeline.</returns>
    public virtual TableClient GetTableClient(string tableName) => new(_rest, tableName);

    /// <summary>Creates a table unless it exists.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when this call created it.</returns>
    public virtual Task<bool> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes a table; a missing table is not an error.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service's response.</returns>
    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);

    internal static TableRestPipeline PipelineFor(string connectionString, TableClientOptions? options)
    {
        var parsed = TableConnectionString.Parse(connectionString);
        return TableRestPipeline.Create(parsed.TableEndpoint, parsed.Credential, options);
    }
}
