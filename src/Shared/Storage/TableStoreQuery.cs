namespace Serverless.Storage;

/// <summary>What <see cref="ITableStore.QueryAsync"/> returns: entities that match every condition.</summary>
public sealed record TableStoreQuery
{
    /// <summary>Only this partition, or every partition when null.</summary>
    public string? PartitionKey { get; init; }

    /// <summary>Conditions that must all hold (<c>and</c>); they may name PartitionKey, RowKey or any property.</summary>
    public IReadOnlyList<TableCondition> Where { get; init; } = [];

    /// <summary>At most this many entities per page, 1 to 1,000.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>The token of the previous page, or null for the first.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>A query of one partition.</summary>
    /// <param name="partitionKey">The partition.</param>
    /// <param name="where">Further conditions.</param>
    /// <returns>The query.</returns>
    public static TableStoreQuery Partition(string partitionKey, params TableCondition[] where) =>
        new() { PartitionKey = partitionKey, Where = where };
}
