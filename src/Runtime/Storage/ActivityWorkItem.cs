namespace Serverless.Runtime.Storage;

/// <summary>An activity call waiting to run, leased to one process at a time.</summary>
/// <param name="Id">Store-assigned id.</param>
/// <param name="InstanceId">The calling instance.</param>
/// <param name="ExecutionId">The calling execution.</param>
/// <param name="TaskId">The caller's task id (TaskScheduled event id).</param>
/// <param name="Name">The activity name.</param>
/// <param name="Input">The serialized input.</param>
/// <param name="LockedUntil">When the current lease expires.</param>
/// <param name="DequeueCount">How many times it has been leased (1 on first run).</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the calling orchestration's span, when it is traced.</param>
public sealed record ActivityWorkItem(
    long Id, string InstanceId, string ExecutionId, int TaskId, string Name, string? Input, DateTimeOffset LockedUntil, int DequeueCount,
    string? TraceParent = null);

/// <summary>An activity call an episode schedules.</summary>
/// <param name="TaskId">The task id.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Input">The serialized input.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the calling orchestration's span, when it is traced.</param>
public sealed record NewActivity(int TaskId, string Name, string? Input, string? TraceParent = null);
