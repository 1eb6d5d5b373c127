using Serverless.Runtime.History;

namespace Serverless.Runtime.Execution;

/// <summary>Something an orchestrator asked for in an episode; it becomes a history event when committed.</summary>
/// <param name="TaskId">The sequence number the orchestrator gave it.</param>
internal abstract record OrchestratorAction(int TaskId)
{
    /// <summary>The history event that records this action.</summary>
    public abstract HistoryEvent ToHistoryEvent(DateTime timestamp);

    /// <summary>True when <paramref name="recorded"/> is the same action (the determinism check).</summary>
    public abstract bool Matches(HistoryEvent recorded);

    /// <summary>A short description for error messages.</summary>
    public abstract string Describe();
}

/// <summary>Call an activity.</summary>
internal sealed record ScheduleTaskAction(int TaskId, string Name, string? Input) : OrchestratorAction(TaskId)
{
    public override HistoryEvent ToHistoryEvent(DateTime timestamp) => new TaskScheduled(TaskId, timestamp, Name, Input);

    public override bool Matches(HistoryEvent recorded) =>
        recorded is TaskScheduled t && string.Equals(t.Name, Name, StringComparison.OrdinalIgnoreCase);

    public override string Describe() => $"called activity '{Name}' as task #{TaskId}";
}

/// <summary>Create a durable timer.</summary>
internal sealed record CreateTimerAction(int TaskId, DateTime FireAt) : OrchestratorAction(TaskId)
{
    public override HistoryEvent ToHistoryEvent(DateTime timestamp) => new TimerCreated(TaskId, timestamp, FireAt);

    public override bool Matches(HistoryEvent recorded) => recorded is TimerCreated;

    public override string Describe() => $"created a timer for {FireAt:O} as task #{TaskId}";
}

/// <summary>Start a sub-orchestration.</summary>
internal sealed record CreateSubOrchestrationAction(int TaskId, string Name, string? Version, string InstanceId, string? Input)
    : OrchestratorAction(TaskId)
{
    public override HistoryEvent ToHistoryEvent(DateTime timestamp) =>
        new SubOrchestrationCreated(TaskId, timestamp, Name, Version, InstanceId, Input);

    public override bool Matches(HistoryEvent recorded) =>
        recorded is SubOrchestrationCreated s && string.Equals(s.Name, Name, StringComparison.OrdinalIgnoreCase);

    public override string Describe() => $"started sub-orchestration '{Name}' as task #{TaskId}";
}

/// <summary>Send an event to another instance.</summary>
internal sealed record SendEventAction(int TaskId, string InstanceId, string Name, string? Input) : OrchestratorAction(TaskId)
{
    public override HistoryEvent ToHistoryEvent(DateTime timestamp) => new EventSent(TaskId, timestamp, InstanceId, Name, Input);

    public override bool Matches(HistoryEvent recorded) =>
        recorded is EventSent e && string.Equals(e.Name, Name, StringComparison.OrdinalIgnoreCase);

    public override string Describe() => $"sent event '{Name}' to '{InstanceId}' as task #{TaskId}";
}
