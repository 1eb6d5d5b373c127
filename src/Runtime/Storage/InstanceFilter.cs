using Microsoft.DurableTask.Client;

namespace Serverless.Runtime.Storage;

/// <summary>Which instances a query or purge touches.</summary>
public sealed record InstanceFilter
{
    /// <summary>Created at or after.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created at or before.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Any of these statuses; null or empty for all.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Instance ids starting with this (ordinal).</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>True when <paramref name="instance"/> matches.</summary>
    public bool Matches(InstanceRecord instance) =>
        (CreatedFrom is null || instance.CreatedAt >= CreatedFrom)
        && (CreatedTo is null || instance.CreatedAt <= CreatedTo)
        && (Statuses is null || Statuses.Count == 0 || Statuses.Contains(instance.Status))
        && (InstanceIdPrefix is null || instance.InstanceId.StartsWith(InstanceIdPrefix, StringComparison.Ordinal));
}

/// <summary>One page of a query, ordered by (CreatedAt, InstanceId).</summary>
/// <param name="Instances">The instances on this page.</param>
/// <param name="ContinuationToken">Where the next page starts, or null when this is the last.</param>
public sealed record InstancePage(IReadOnlyList<InstanceRecord> Instances, string? ContinuationToken);
