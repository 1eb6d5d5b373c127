using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Serverless.Durable;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.History;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Telemetry;

namespace Serverless.Runtime.Client;

/// <summary>The embedded runtime's <see cref="DurableTaskClient"/>: writes go to the store and wake the dispatcher in memory.</summary>
internal sealed partial class RuntimeDurableTaskClient : DurableTaskClient
{
    private readonly DurableRuntime _runtime;
    private readonly IRuntimeStore _store;
    private readonly DurableRuntimeOptions _options;

    public RuntimeDurableTaskClient(DurableRuntime runtime)
        : base(runtime.Options.HubName)
    {
        _runtime = runtime;
        _store = runtime.Store;
        _options = runtime.Options;
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        if (!_runtime.Registry.HasOrchestrator(orchestratorName.Name))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName.Name}' is registered.", nameof(orchestratorName));
        }

        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ValidateInstanceId(instanceId);
        var serialized = _options.DataConverter.Serialize(input);
        _options.Limits.CheckPayload(serialized, "The orchestration input");
        await CreateAsync(
            instanceId, orchestratorName.Name, options?.Version?.Version, serialized, options?.StartAt, DedupeStatuses(options), options?.Tags, cancellation);
        return instanceId;
    }

    /// <inheritdoc />
    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var serialized = _options.DataConverter.Serialize(eventPayload);
        _options.Limits.CheckPayload(serialized, $"The payload of event '{eventName}'");
        await SendAsync(instanceId, new EventRaised(Now.UtcDateTime, eventName, serialized), requireActive: true, cancellation);
    }

    /// <inheritdoc />
    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = await RequireAsync(instanceId, cancellation);
        if (instance.Status.IsTerminal())
        {
            return;
        }

        var output = _options.DataConverter.Serialize(options?.Output);
        _options.Limits.CheckPayload(output, "The termination output");
        await SendAsync(instanceId, new ExecutionTerminated(Now.UtcDateTime, output, options?.Recursive ?? false), requireActive: false, cancellation);
    }

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspended(Now.UtcDateTime, reason), requireActive: true, cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumed(Now.UtcDateTime, reason), requireActive: true, cancellation);

    /// <inheritdoc />
    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        var instance = await RequireAsync(instanceId, cancellation);
        if (!instance.Status.IsTerminal())
        {
            throw new OrchestrationStateException(instanceId, instance.Status, $"Instance '{instanceId}' is {instance.Status}; only a finished instance can be restarted.");
        }

        // The start options' tags (an interpreted workflow's name and version) live in the execution's start event.
        var tags = (await _store.GetHistoryAsync(instanceId, cancellation)).OfType<ExecutionStarted>().LastOrDefault()?.Tags;
        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        await CreateAsync(newId, instance.Name, instance.Version, instance.Input, startAt: null, dedupeStatuses: null, tags, cancellation);
        return newId;
    }

    /// <inheritdoc />
    public override async Task<IList<DurableTask.Core.History.HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        await RequireAsync(instanceId, cancellation);
        return CoreHistoryMapper.ToCore(await _store.GetHistoryAsync(instanceId, cancellation), instanceId);
    }

    /// <summary>Not supported: the embedded runtime cannot rewind a failed instance (Durable Task marks rewind as preview, and only some backends have it).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override Task RewindInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException("The embedded durable runtime cannot rewind an instance; restart it (RestartAsync) or start a new one.");

    /// <summary>Not supported: the embedded runtime has no durable entities.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override DurableEntityClient Entities =>
        throw new NotSupportedException("The embedded durable runtime does not support durable entities.");

    /// <summary>Not supported: the embedded runtime does not index instances by completion time.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override Task<Page<string>> ListInstanceIdsAsync(
        IEnumerable<OrchestrationRuntimeStatus>? runtimeStatus = null,
        DateTimeOffset? completedTimeFrom = null,
        DateTimeOffset? completedTimeTo = null,
        int pageSize = OrchestrationQuery.DefaultPageSize,
        string? lastInstanceKey = null,
        CancellationToken cancellation = default) =>
        throw new NotSupportedException("The embedded durable runtime cannot list instance ids by completion time; use GetAllInstancesAsync with a created-time filter.");

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // Microsoft's engines refuse an id whose instance is active, and one whose finished instance has a status the
    // caller listed with WithDedupeStatuses; the store decides both inside the transaction that creates it.
    private static HashSet<OrchestrationRuntimeStatus>? DedupeStatuses(StartOrchestrationOptions? options)
    {
        if (options?.DedupeStatuses is not { Count: > 0 } names)
        {
            return null;
        }

        var statuses = new HashSet<OrchestrationRuntimeStatus>();
        foreach (var name in names)
        {
            statuses.Add(Enum.TryParse<OrchestrationRuntimeStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status)
                ? status
                : throw new ArgumentException($"'{name}' is not an orchestration runtime status.", nameof(options)));
        }

        return statuses;
    }

    private async Task CreateAsync(
        string instanceId,
        string name,
        string? version,
        string? input,
        DateTimeOffset? startAt,
        IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupeStatuses,
        IReadOnlyDictionary<string, string>? tags,
        CancellationToken cancellation)
    {
        var now = Now;
        var executionId = Guid.NewGuid().ToString("N");
        var visibleAt = startAt is { } at && at > now ? at : now;
        version = string.IsNullOrEmpty(version) ? null : version;
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            Name = name,
            Version = version,
            ExecutionId = executionId,
            Status = OrchestrationRuntimeStatus.Pending,
            CreatedAt = now,
            LastUpdatedAt = now,
            Input = input,
        };
        var started = new ExecutionStarted(
            now.UtcDateTime, name, version, input, executionId, null, startAt?.UtcDateTime, RuntimeTracing.BeginOrchestration(),
            tags is { Count: > 0 } ? tags.ToDictionary(StringComparer.Ordinal) : null);
        var start = await _store.CreateInstanceAsync(
            record, new InstanceMessage(0, instanceId, executionId, started, visibleAt), _options.WorkerId, now + _options.LeaseDuration, dedupeStatuses, cancellation);
        _runtime.Orchestrations.Adopt(record);
        _runtime.Orchestrations.Deliver(start);
    }

    private async Task SendAsync(string instanceId, HistoryEvent historyEvent, bool requireActive, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var now = Now;
        _runtime.Orchestrations.Deliver(
            await _store.EnqueueMessageAsync(new InstanceMessage(0, instanceId, null, historyEvent, now), requireActive, cancellation));
    }

    private async Task<InstanceRecord> RequireAsync(string instanceId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return await _store.GetInstanceAsync(instanceId, cancellation) ?? throw new OrchestrationNotFoundException(instanceId);
    }

    private static void ValidateInstanceId(string instanceId) => InstanceIds.Validate(instanceId);
}
