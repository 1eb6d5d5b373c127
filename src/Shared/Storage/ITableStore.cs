using Azure;
using Azure.Data.Tables;

namespace Serverless.Storage;

/// <summary>
/// The table-store port: what the product needs from Table storage, implemented over Azure Tables
/// (<see cref="AzureTableStore"/>) and over a local SQLite file (<see cref="SqliteTableStore"/>).
/// Both follow the Table service's semantics and report failures the same way: a
/// <see cref="RequestFailedException"/> carrying the service's status and error code
/// (<see cref="Azure.Data.Tables.Models.TableErrorCode"/>), and <see cref="ArgumentException"/> for input the service would reject.
/// </summary>
public interface ITableStore
{
    /// <summary>Creates the table unless it exists.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the table exists.</returns>
    Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new entity; 409 <c>EntityAlreadyExists</c> if one has its keys.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="entity">The entity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new entity's ETag.</returns>
    Task<ETag> AddAsync(string table, TableEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Inserts, or merges into / replaces an existing entity, unconditionally.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="entity">The entity.</param>
    /// <param name="mode">Merge keeps stored properties the entity lacks; Replace drops them.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new ETag.</returns>
    Task<ETag> UpsertAsync(string table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    /// <summary>Updates an existing entity if its ETag matches; 412 <c>UpdateConditionNotSatisfied</c> if not, 404 if missing.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="entity">The entity.</param>
    /// <param name="ifMatch">The ETag read earlier, or <see cref="ETag.All"/>.</param>
    /// <param name="mode">Merge or Replace.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new ETag.</returns>
    Task<ETag> UpdateAsync(string table, TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    /// <summary>Deletes an entity if its ETag matches (any when default); deleting a missing entity is not an error.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="ifMatch">The ETag read earlier; 412 if it no longer matches.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the entity is gone.</returns>
    Task DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default);

    /// <summary>Reads one entity, or null if it does not exist.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entity with ETag and timestamp, or null.</returns>
    Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one page of entities matching <paramref name="query"/>, in partition-key then row-key order.
    /// Follow <see cref="TableStorePage.ContinuationToken"/> until it is null; a page may be short or even empty.
    /// </summary>
    /// <param name="table">The table name.</param>
    /// <param name="query">Partition, conditions, page size and continuation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page.</returns>
    Task<TableStorePage> QueryAsync(string table, TableStoreQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies up to 100 actions on one partition atomically; on failure nothing is applied and a
    /// <see cref="TableTransactionFailedException"/> names the failing action.
    /// </summary>
    /// <param name="table">The table name.</param>
    /// <param name="actions">The actions.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when all actions are applied.</returns>
    Task SubmitTransactionAsync(string table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default);
}
