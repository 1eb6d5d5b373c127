using Azure;

namespace Serverless.Tables;

/// <summary>One action of an entity-group transaction.</summary>
/// <param name="ActionType">What the action does.</param>
/// <param name="Entity">The entity it acts on; every action of a transaction shares one partition key.</param>
/// <param name="ETag">The If-Match condition for updates and deletes; default means unconditional.</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, ITableEntity Entity, ETag ETag = default);
