namespace Serverless.Tables;

/// <summary>How an update or upsert treats properties that the stored entity has and the new one lacks.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep stored properties that the new entity does not mention (HTTP MERGE).</summary>
    Merge = 0,

    /// <summary>Replace the stored entity as a whole (HTTP PUT).</summary>
    Replace = 1,
}
