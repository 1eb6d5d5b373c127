using Azure;
using Azure.Core;

namespace Serverless.Tables;

public partial class TableClient
{
    /// <summary>
    /// Submits up to 100 actions on one partition as one entity-group transaction: all succeed or none is applied.
    /// Every sub-response is checked; a failure throws <see cref="TableTransactionFailedException"/> naming the action.
    /// </summary>
    /// <param name="actions">The actions, each entity at most once, all with one partition key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status of each action, in order.</returns>
    public virtual async Task<IReadOnlyList<int>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        TableValidation.Batch(list);
        var parts = new List<TableBatchRequest.Part>(list.Count);
        foreach (var action in list)
        {
            parts.Add(ToPart(action));
        }

        var batch = new TableBatchRequest(parts);
        using var message = _rest.CreateMessage(RequestMethod.Post, "/$batch");
        message.Request.Headers.SetValue("Content-Type", batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Body);
        var response = await _rest.SendAsync(message, cancellationToken, 202);
        return TableBatchResponse.Check(response, list.Count);
    }

    private TableBatchRequest.Part ToPart(TableTransactionAction action)
    {
        var properties = TableValidation.Action(action);
        var entity = action.Entity;
        var entityUri = _rest.Endpoint.AbsoluteUri + EntityPath(entity.PartitionKey, entity.RowKey);
        var ifMatch = action.ETag == default ? "*" : action.ETag.ToString();
        var body = action.ActionType == TableTransactionActionType.Delete ? null : TableEntityJson.Write(entity, properties);
        return action.ActionType switch
        {
            TableTransactionActionType.Add => new("POST", _rest.Endpoint.AbsoluteUri + "/" + Name, null, body),
            TableTransactionActionType.Delete => new("DELETE", entityUri, ifMatch, null),
            TableTransactionActionType.UpdateMerge => new("MERGE", entityUri, ifMatch, body),
            TableTransactionActionType.UpdateReplace => new("PUT", entityUri, ifMatch, body),
            TableTransactionActionType.UpsertMerge => new("MERGE", entityUri, null, body),
            TableTransactionActionType.UpsertReplace => new("PUT", entityUri, null, body),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
        };
    }
}
