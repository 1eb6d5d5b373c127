using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Runtime.Telemetry;

namespace Serverless.Runtime.History;

/// <summary>
/// One immutable entry in an instance's append-only history. <see cref="EventId"/> is the task
/// sequence number for events that schedule work (and -1 otherwise); results point back at it.
/// See README.md in this folder for the table of event types.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecutionStarted), "ExecutionStarted")]
[JsonDerivedType(typeof(OrchestratorStarted), "OrchestratorStarted")]
[JsonDerivedType(typeof(TaskScheduled), "TaskScheduled")]
[JsonDerivedType(typeof(TaskCompleted), "TaskCompleted")]
[JsonDerivedType(typeof(TaskFailed), "TaskFailed")]
[JsonDerivedType(typeof(TimerCreated), "TimerCreated")]
[JsonDerivedType(typeof(TimerFired), "TimerFired")]
[JsonDerivedType(typeof(EventRaised), "EventRaised")]
[JsonDerivedType(typeof(EventSent), "EventSent")]
[JsonDerivedType(typeof(SubOrchestrationCreated), "SubOrchestrationCreated")]
[JsonDerivedType(typeof(SubOrchestrationCompleted), "SubOrchestrationCompleted")]
[JsonDerivedType(typeof(SubOrchestrationFailed), "SubOrchestrationFailed")]
[JsonDerivedType(typeof(ContinuedAsNew), "ContinuedAsNew")]
[JsonDerivedType(typeof(ExecutionTerminated), "ExecutionTerminated")]
[JsonDerivedType(typeof(ExecutionSuspended), "ExecutionSuspended")]
[JsonDerivedType(typeof(ExecutionResumed), "ExecutionResumed")]
[JsonDerivedType(typeof(ExecutionCompleted), "ExecutionCompleted")]
public abstract record HistoryEvent(int EventId, DateTime Timestamp)
{
    /// <summary>The event type name used in stored JSON and in the HTTP API.</summary>
    [JsonIgnore]
    public string EventType => GetType().Name;
}

/// <summary>The instance was started (first event of every execution).</summary>
/// <remarks>
/// <c>Trace</c> is the execution's W3C trace identity when telemetry was on at its start (null otherwise); <c>Tags</c>
/// are the start options' tags (the workflow name and version for interpreted workflows), kept across ContinueAsNew.
/// </remarks>
public sealed record ExecutionStarted(
    DateTime Timestamp, string Name, string? Version, string? Input, string ExecutionId,
    ParentOrchestrationInstance? Parent = null, DateTime? ScheduledStartTime = null, OrchestrationTrace? Trace = null,
    IReadOnlyDictionary<string, string>? Tags = null)
    : HistoryEvent(-1, Timestamp);

/// <summary>An episode began; its timestamp is the replay-safe current time.</summary>
public sealed record OrchestratorStarted(DateTime Timestamp) : HistoryEvent(-1, Timestamp);

/// <summary>An activity was scheduled as task <see cref="HistoryEvent.EventId"/>.</summary>
public sealed record TaskScheduled(int EventId, DateTime Timestamp, string Name, string? Input) : HistoryEvent(EventId, Timestamp);

/// <summary>An activity returned a result.</summary>
public sealed record TaskCompleted(DateTime Timestamp, int TaskScheduledId, string? Result) : HistoryEvent(-1, Timestamp);

/// <summary>An activity threw.</summary>
public sealed record TaskFailed(DateTime Timestamp, int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent(-1, Timestamp);

/// <summary>A durable timer was created as task <see cref="HistoryEvent.EventId"/>.</summary>
public sealed record TimerCreated(int EventId, DateTime Timestamp, DateTime FireAt) : HistoryEvent(EventId, Timestamp);

/// <summary>A durable timer fired.</summary>
public sealed record TimerFired(DateTime Timestamp, int TimerId, DateTime FireAt) : HistoryEvent(-1, Timestamp);

/// <summary>An external event arrived (name compared case-insensitively).</summary>
public sealed record EventRaised(DateTime Timestamp, string Name, string? Input) : HistoryEvent(-1, Timestamp);

/// <summary>This orchestration sent an event to another instance.</summary>
public sealed record EventSent(int EventId, DateTime Timestamp, string InstanceId, string Name, string? Input) : HistoryEvent(EventId, Timestamp);

/// <summary>A sub-orchestration was started as task <see cref="HistoryEvent.EventId"/>.</summary>
public sealed record SubOrchestrationCreated(int EventId, DateTime Timestamp, string Name, string? Version, string InstanceId, string? Input)
    : HistoryEvent(EventId, Timestamp);

/// <summary>A sub-orchestration completed.</summary>
public sealed record SubOrchestrationCompleted(DateTime Timestamp, int TaskScheduledId, string? Result) : HistoryEvent(-1, Timestamp);

/// <summary>A sub-orchestration failed or was terminated.</summary>
public sealed record SubOrchestrationFailed(DateTime Timestamp, int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent(-1, Timestamp);

/// <summary>The orchestration restarted itself with new input; the next execution's history starts afresh.</summary>
public sealed record ContinuedAsNew(DateTime Timestamp, string? Input) : HistoryEvent(-1, Timestamp);

/// <summary>A terminate request arrived; <paramref name="Output"/> is the serialized output recorded for the instance.</summary>
public sealed record ExecutionTerminated(DateTime Timestamp, string? Output, bool Recursive = false) : HistoryEvent(-1, Timestamp);

/// <summary>A suspend request arrived.</summary>
public sealed record ExecutionSuspended(DateTime Timestamp, string? Reason) : HistoryEvent(-1, Timestamp);

/// <summary>A resume request arrived.</summary>
public sealed record ExecutionResumed(DateTime Timestamp, string? Reason) : HistoryEvent(-1, Timestamp);

/// <summary>The execution ended (Completed, Failed, Terminated or ContinuedAsNew).</summary>
public sealed record ExecutionCompleted(DateTime Timestamp, OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? FailureDetails)
    : HistoryEvent(-1, Timestamp);
