using Azure.Data.Tables;

namespace Serverless.Storage;

/// <summary>One page of a query.</summary>
/// <param name="Items">The entities, in key order.</param>
/// <param name="ContinuationToken">Where the next page starts, or null when the query is exhausted.</param>
public sealed record TableStorePage(IReadOnlyList<TableEntity> Items, string? ContinuationToken);
