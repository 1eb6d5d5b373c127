namespace Serverless.Orchestration;

/// <summary>Options for starting an orchestration.</summary>
/// <param name="InstanceId">The instance id, or null for a new GUID.</param>
/// <param name="StartAt">Delay the start until this time, or null to start now.</param>
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);

/// <summary>Options for terminating an orchestration.</summary>
/// <param name="Output">The output recorded for the terminated instance.</param>
/// <param name="Recursive">Also terminate its running sub-orchestrations.</param>
public record TerminateInstanceOptions(object? Output = null, bool Recursive = false);

/// <summary>Options for purging.</summary>
/// <param name="Recursive">Also purge the instance's sub-orchestrations.</param>
public record PurgeInstanceOptions(bool Recursive = false);

/// <summary>A filter over orchestration instances, with paging.</summary>
/// <param name="CreatedFrom">Created at or after this time.</param>
/// <param name="CreatedTo">Created at or before this time.</param>
/// <param name="Statuses">Any of these statuses; null or empty for all.</param>
/// <param name="TaskHubNames">Ignored by the embedded runtime (one hub per store).</param>
/// <param name="InstanceIdPrefix">Instance ids starting with this (ordinal).</param>
/// <param name="PageSize">Instances per page (1..1000).</param>
/// <param name="FetchInputsAndOutputs">Include inputs, outputs and custom status.</param>
/// <param name="ContinuationToken">Where the previous page ended.</param>
public record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    IEnumerable<string>? TaskHubNames = null,
    string? InstanceIdPrefix = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null)
{
    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 100;
}

/// <summary>Which instances to purge.</summary>
/// <param name="CreatedFrom">Created at or after this time.</param>
/// <param name="CreatedTo">Created at or before this time.</param>
/// <param name="Statuses">Any of these statuses (terminal ones only are ever purged).</param>
public record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null);

/// <summary>How many instances a purge removed.</summary>
public class PurgeResult
{
    /// <summary>Creates a result.</summary>
    public PurgeResult(int count) => PurgedInstanceCount = count;

    /// <summary>How many instances were removed.</summary>
    public int PurgedInstanceCount { get; }
}
