using Azure;

namespace Serverless.Tables;

/// <summary>An entity stored in a table: the two keys plus the service-maintained timestamp and ETag.</summary>
public interface ITableEntity
{
    /// <summary>The partition the entity lives in; entities of one partition can be changed in one transaction.</summary>
    string PartitionKey { get; set; }

    /// <summary>The entity's key inside its partition; rows of a partition are returned in ordinal row-key order.</summary>
    string RowKey { get; set; }

    /// <summary>When the service last changed the entity; set by the service, ignored on writes.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's version, used for optimistic concurrency (If-Match).</summary>
    ETag ETag { get; set; }
}
