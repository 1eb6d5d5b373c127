// Microsoft.DurableTask.Client 1.25 (AZURE_API.md §2), members src/Functions uses.
namespace Microsoft.DurableTask.Client;

public abstract class DurableTaskClient : IAsyncDisposable
{
    protected DurableTaskClient(string name) => throw null!;
    public string Name => throw null!;
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);
    public abstract Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);
    public virtual Task TerminateInstanceAsync(string instanceId, object? output, CancellationToken cancellation = default) => throw null!;
    // Public source: src/Client/Core/DurableTaskClient.cs and TerminateInstanceOptions.cs.
    public virtual Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) => throw null!;
    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);
    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);
    public virtual Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw null!;
    public abstract AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null);
    public virtual Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) => throw null!;
    public virtual Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) => throw null!;
    public virtual Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default) => throw null!;
    public abstract ValueTask DisposeAsync();
}

public record TerminateInstanceOptions
{
    public TerminateInstanceOptions(object? output = null, bool recursive = true) => throw null!;
    public object? Output { get; init; }
    public bool Recursive { get; init; }
}

public record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    IEnumerable<string>? TaskHubNames = null,
    string? InstanceIdPrefix = null,
    int PageSize = 100,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null);

public record PurgeInstancesFilter(DateTimeOffset? CreatedFrom = null, DateTimeOffset? CreatedTo = null, IEnumerable<OrchestrationRuntimeStatus>? Statuses = null);

// Public source: src/Client/Core/PurgeInstanceOptions.cs.
public record PurgeInstanceOptions(bool Recursive = false);

public class PurgeResult
{
    public int PurgedInstanceCount => throw null!;
}

public sealed class OrchestrationMetadata
{
    public string Name => throw null!;
    public string InstanceId => throw null!;
    public OrchestrationRuntimeStatus RuntimeStatus => throw null!;
    public DateTimeOffset CreatedAt => throw null!;
    public DateTimeOffset LastUpdatedAt => throw null!;
    public string? SerializedInput => throw null!;
    public string? SerializedOutput => throw null!;
    public string? SerializedCustomStatus => throw null!;
    public TaskFailureDetails? FailureDetails => throw null!;
    public bool IsRunning => throw null!;
    public bool IsCompleted => throw null!;
}

public enum OrchestrationRuntimeStatus
{
    Running = 0,
    Completed = 1,
    ContinuedAsNew = 2,
    Failed = 3,
    Canceled = 4,
    Terminated = 5,
    Pending = 6,
    Suspended = 7,
}
