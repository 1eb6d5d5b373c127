using System.Text.Json;
using Azure;
using Azure.Core;

namespace Serverless.Tables;

public partial class TableClient
{
    private static readonly RequestMethod s_merge = new("MERGE");

    /// <summary>Inserts a new entity; 409 <c>EntityAlreadyExists</c> if one has its keys.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="entity">The entity.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its ETag header is the new entity's version.</returns>
    public virtual async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        var properties = TableValidation.EntityProperties(entity);
        using var message = _rest.CreateMessage(RequestMethod.Post, "/" + Name, TableEntityJson.Write(entity, properties));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        return await _rest.SendAsync(message, cancellationToken, 204);
    }

    /// <summary>Inserts the entity or, if it exists, merges into or replaces it, unconditionally.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="entity">The entity.</param>
    /// <param name="mode">Merge keeps stored properties the entity lacks; Replace drops them.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its ETag header is the new version.</returns>
    public virtual Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteAsync(entity, mode, ifMatch: null, cancellationToken);

    /// <summary>Updates an existing entity if its version still matches; 412 <c>UpdateConditionNotSatisfied</c> if not, 404 if it is gone.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="entity">The entity.</param>
    /// <param name="ifMatch">The version read earlier, or <see cref="ETag.All"/> for any version.</param>
    /// <param name="mode">Merge or Replace.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its ETag header is the new version.</returns>
    public virtual Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        TableValidation.IfMatch(ifMatch);
        return WriteAsync(entity, mode, ifMatch, cancellationToken);
    }

    /// <summary>Deletes an entity if its version matches (any version when <paramref name="ifMatch"/> is default); a missing entity is not an error.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="ifMatch">The version read earlier; 412 if it no longer matches.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response (404 when there was nothing to delete).</returns>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableValidation.Key(partitionKey, nameof(partitionKey));
        TableValidation.Key(rowKey, nameof(rowKey));
        using var message = _rest.CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        return await _rest.SendAsync(message, cancellationToken, 204, 404);
    }

    /// <summary>Reads one entity; 404 <c>EntityNotFound</c> if it does not exist.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entity with its ETag and timestamp.</returns>
    public virtual async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var result = await GetCoreAsync<T>(partitionKey, rowKey, throwIfMissing: true, cancellationToken);
        return (Response<T>)result;
    }

    /// <summary>Reads one entity if it exists.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A response whose <see cref="NullableResponse{T}.HasValue"/> says whether it exists.</returns>
    public virtual Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new() =>
        GetCoreAsync<T>(partitionKey, rowKey, throwIfMissing: false, cancellationToken);

    private async Task<NullableResponse<T>> GetCoreAsync<T>(string partitionKey, string rowKey, bool throwIfMissing, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        TableValidation.Key(partitionKey, nameof(partitionKey));
        TableValidation.Key(rowKey, nameof(rowKey));
        using var message = _rest.CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey));
        var response = throwIfMissing
            ? await _rest.SendAsync(message, cancellationToken, 200)
            : await _rest.SendAsync(message, cancellationToken, 200, 404);
        if (response.Status == 404)
        {
            return new NoValueResponse<T>(response);
        }

        using var doc = JsonDocument.Parse(response.Content);
        var entity = TableEntityJson.Read(doc.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return Response.FromValue(TableEntityMapper.FromTableEntity<T>(entity), response);
    }

    private async Task<Response> WriteAsync<T>(T entity, TableUpdateMode mode, ETag? ifMatch, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        var properties = TableValidation.EntityProperties(entity);
        var method = mode switch
        {
            TableUpdateMode.Merge => s_merge,
            TableUpdateMode.Replace => RequestMethod.Put,
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
        using var message = _rest.CreateMessage(method, EntityPath(entity.PartitionKey, entity.RowKey), TableEntityJson.Write(entity, properties));
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString());
        }

        return await _rest.SendAsync(message, cancellationToken, 204);
    }
}
