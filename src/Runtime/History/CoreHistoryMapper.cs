using DurableTask.Core;
using Microsoft.DurableTask;
using Core = DurableTask.Core.History;

namespace Serverless.Runtime.History;

/// <summary>
/// Shows our stored history as DurableTask.Core history events, the types
/// <see cref="Microsoft.DurableTask.Client.DurableTaskClient.GetOrchestrationHistoryAsync"/> returns on every engine.
/// Only the shape changes: ids, timestamps, names, payloads and failures are carried over as stored.
/// </summary>
internal static class CoreHistoryMapper
{
    /// <summary>Maps one execution's history, in order.</summary>
    public static IList<Core.HistoryEvent> ToCore(IReadOnlyList<HistoryEvent> history, string instanceId)
    {
        var mapped = new List<Core.HistoryEvent>(history.Count);
        foreach (var historyEvent in history)
        {
            var core = ToCore(historyEvent, instanceId);
            core.Timestamp = historyEvent.Timestamp;
            mapped.Add(core);
        }

        return mapped;
    }

    private static Core.HistoryEvent ToCore(HistoryEvent historyEvent, string instanceId) => historyEvent switch
    {
        ExecutionStarted e => new Core.ExecutionStartedEvent(-1, e.Input)
        {
            Name = e.Name,
            Version = e.Version ?? string.Empty,
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = e.ExecutionId },
            ParentInstance = e.Parent is { } parent
                ? new ParentInstance { Name = parent.Name.Name, OrchestrationInstance = new OrchestrationInstance { InstanceId = parent.InstanceId } }
                : null,
            ScheduledStartTime = e.ScheduledStartTime,
            Tags = e.Tags?.ToDictionary(StringComparer.Ordinal),
            ParentTraceContext = e.Trace is { } trace ? new DurableTask.Core.Tracing.DistributedTraceContext(trace.TraceParent, trace.TraceState) : null,
        },
        OrchestratorStarted => new Core.OrchestratorStartedEvent(-1),
        TaskScheduled e => new Core.TaskScheduledEvent(e.EventId, e.Name, version: null, e.Input),
        TaskCompleted e => new Core.TaskCompletedEvent(-1, e.TaskScheduledId, e.Result),
        TaskFailed e => new Core.TaskFailedEvent(-1, e.TaskScheduledId, e.FailureDetails.ErrorMessage, details: null, ToCore(e.FailureDetails)),
        TimerCreated e => new Core.TimerCreatedEvent(e.EventId, e.FireAt),
        TimerFired e => new Core.TimerFiredEvent(-1, e.FireAt) { TimerId = e.TimerId },
        EventRaised e => new Core.EventRaisedEvent(-1, e.Input) { Name = e.Name },
        EventSent e => new Core.EventSentEvent(e.EventId) { InstanceId = e.InstanceId, Name = e.Name, Input = e.Input },
        SubOrchestrationCreated e => new Core.SubOrchestrationInstanceCreatedEvent(e.EventId)
        {
            Name = e.Name,
            Version = e.Version ?? string.Empty,
            InstanceId = e.InstanceId,
            Input = e.Input,
        },
        SubOrchestrationCompleted e => new Core.SubOrchestrationInstanceCompletedEvent(-1, e.TaskScheduledId, e.Result),
        SubOrchestrationFailed e => new Core.SubOrchestrationInstanceFailedEvent(
            -1, e.TaskScheduledId, e.FailureDetails.ErrorMessage, details: null, ToCore(e.FailureDetails)),
        ContinuedAsNew e => new Core.ContinueAsNewEvent(-1, e.Input),
        ExecutionTerminated e => new Core.ExecutionTerminatedEvent(-1, e.Output),
        ExecutionSuspended e => new Core.ExecutionSuspendedEvent(-1, e.Reason),
        ExecutionResumed e => new Core.ExecutionResumedEvent(-1, e.Reason),
        ExecutionCompleted e => new Core.ExecutionCompletedEvent(
            -1, e.Result, (OrchestrationStatus)(int)e.Status, e.FailureDetails is null ? null : ToCore(e.FailureDetails)),
        _ => throw new NotSupportedException($"History event type '{historyEvent.EventType}' has no DurableTask.Core counterpart."),
    };

    private static FailureDetails ToCore(TaskFailureDetails failure) => new(
        failure.ErrorType,
        failure.ErrorMessage,
        failure.StackTrace,
        failure.InnerFailure is null ? null : ToCore(failure.InnerFailure),
        isNonRetriable: false,
        failure.Properties);
}
