using Azure;
using Azure.Core;

namespace Serverless.Tables;

/// <summary>
/// Operations on one table: entity CRUD, queries and entity-group transactions. Shaped like
/// <c>Azure.Data.Tables.TableClient</c>; every member is virtual so callers can mock it.
/// </summary>
public partial class TableClient
{
    private readonly TableRestPipeline _rest = null!;

    /// <summary>Creates a client from a storage connection string.</summary>
    /// <param name="connectionString">See <see cref="TableConnectionString.Parse"/>.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="options">Pipeline options.</param>
    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(TableServiceClient.PipelineFor(connectionString, options), tableName)
    {
    }

    /// <summary>Creates a client that signs with an account key.</summary>
    /// <param name="endpoint">The table endpoint, e.g. <c>https://acct.table.core.windows.net</c>.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Pipeline options.</param>
    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableRestPipeline.Create(endpoint, credential, options), tableName)
    {
    }

    /// <summary>Creates a client that authenticates with Microsoft Entra ID (e.g. a managed identity).</summary>
    /// <param name="endpoint">The table endpoint.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="credential">Any Azure.Identity credential; tokens are requested for Azure Storage.</param>
    /// <param name="options">Pipeline options.</param>
    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(TableRestPipeline.Create(endpoint, credential, options), tableName)
    {
    }

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        Name = string.Empty;
    }

    internal TableClient(TableRestPipeline rest, string tableName)
    {
        TableValidation.TableName(tableName);
        _rest = rest;
        Name = tableName;
    }

    /// <summary>The table's name.</summary>
    public virtual string Name { get; }

    /// <summary>
    /// Builds an OData filter from an interpolated string, quoting and escaping every interpolated value
    /// (strings get single quotes doubled; Int64, DateTime, Guid and binary get their typed literal form).
    /// </summary>
    /// <param name="filter">E.g. <c>$"PartitionKey eq {pk} and Count gt {n}"</c>.</param>
    /// <returns>The filter text.</returns>
    public static string CreateQueryFilter(FormattableString filter) => TableODataFilter.Create(filter);

    /// <summary>Creates the table unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when this call created it.</returns>
    public virtual async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        using var message = _rest.CreateMessage(RequestMethod.Post, "/Tables", body);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await _rest.SendAsync(message, cancellationToken, 201, 204, 409);
        if (response.Status != 409)
        {
            return true;
        }

        // 409 also means "TableBeingDeleted" (for a while after a delete): only "already exists" is success.
        var failure = TableRestPipeline.Failure(response);
        return failure.ErrorCode == TableErrorCodes.TableAlreadyExists ? false : throw failure;
    }

    /// <summary>Deletes the table and everything in it; a missing table is not an error.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service's response.</returns>
    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Delete, $"/Tables('{Name}')");
        return await _rest.SendAsync(message, cancellationToken, 204, 404);
    }

    private string EntityPath(string partitionKey, string rowKey) =>
        $"/{Name}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
