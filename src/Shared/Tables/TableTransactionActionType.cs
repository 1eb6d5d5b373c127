namespace Serverless.Tables;

/// <summary>What one action of an entity-group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert a new entity; fails with 409 if it exists.</summary>
    Add = 0,

    /// <summary>Delete an entity, honouring the action's ETag (<see cref="Azure.ETag.All"/> when default).</summary>
    Delete = 1,

    /// <summary>Merge into an existing entity, honouring the action's ETag.</summary>
    UpdateMerge = 2,

    /// <summary>Replace an existing entity, honouring the action's ETag.</summary>
    UpdateReplace = 3,

    /// <summary>Insert or merge, without a condition.</summary>
    UpsertMerge = 4,

    /// <summary>Insert or replace, without a condition.</summary>
    UpsertReplace = 5,
}
