using Serverless.Runtime.History;

namespace Serverless.Runtime.Storage;

/// <summary>
/// Everything one orchestration episode changes, committed in one transaction: history appended (or reset
/// on ContinueAsNew), consumed inbox messages deleted, activities scheduled (leased to the committing
/// owner), messages sent (timers to itself, events and results to others), sub-orchestrations created,
/// and the instance row updated. Refused with <see cref="LeaseLostException"/> when the owner no longer
/// holds the instance or a consumed message is already gone.
/// </summary>
public sealed record OrchestrationCommit
{
    /// <summary>The process that holds the instance lease.</summary>
    public required string Owner { get; init; }

    /// <summary>The instance's new row (its id names the instance).</summary>
    public required InstanceRecord Instance { get; init; }

    /// <summary>When the instance lease now expires.</summary>
    public required DateTimeOffset LeaseUntil { get; init; }

    /// <summary>True to delete the stored history before appending (ContinueAsNew starts a new execution).</summary>
    public bool ResetHistory { get; init; }

    /// <summary>History events to append, in order.</summary>
    public IReadOnlyList<HistoryEvent> NewHistory { get; init; } = [];

    /// <summary>Inbox messages this episode consumed; every one must still exist.</summary>
    public IReadOnlyList<long> ConsumedMessageIds { get; init; } = [];

    /// <summary>Activities to schedule, leased to <see cref="Owner"/> until <see cref="LeaseUntil"/>.</summary>
    public IReadOnlyList<NewActivity> NewActivities { get; init; } = [];

    /// <summary>Messages to insert; a message to an instance that does not exist is dropped.</summary>
    public IReadOnlyList<InstanceMessage> NewMessages { get; init; } = [];

    /// <summary>Sub-orchestrations to create, each with its start message, leased to <see cref="Owner"/> like the activities.</summary>
    public IReadOnlyList<NewInstance> NewInstances { get; init; } = [];
}

/// <summary>An instance to create together with its start message.</summary>
/// <param name="Instance">The row (status Pending).</param>
/// <param name="StartMessage">The ExecutionStarted message.</param>
public sealed record NewInstance(InstanceRecord Instance, InstanceMessage StartMessage);

/// <summary>What a commit stored.</summary>
/// <param name="Activities">The scheduled activity work items with their ids (already leased).</param>
/// <param name="Messages">The inserted messages with their ids.</param>
/// <param name="RejectedInstances">Sub-orchestrations not created because an active instance has that id.</param>
public sealed record CommitResult(
    IReadOnlyList<ActivityWorkItem> Activities,
    IReadOnlyList<InstanceMessage> Messages,
    IReadOnlyList<NewInstance> RejectedInstances);

/// <summary>The committing process no longer holds the instance, or its view of the inbox is stale.</summary>
public sealed class LeaseLostException(string instanceId, string reason)
    : InvalidOperationException($"The lease on instance '{instanceId}' was lost: {reason}")
{
    /// <summary>The instance.</summary>
    public string InstanceId { get; } = instanceId;
}
