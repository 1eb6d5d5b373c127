using Serverless.Runtime.History;

namespace Serverless.Runtime.Storage;

/// <summary>
/// A history event waiting in an instance's inbox: an activity result, a fired timer, an external event,
/// a control request (terminate, suspend, resume) or a start. It becomes visible at <see cref="VisibleAt"/>
/// (the due time for timers), and is deleted in the same transaction that appends it to history.
/// </summary>
/// <param name="Id">Store-assigned id; 0 before it is stored.</param>
/// <param name="InstanceId">The target instance.</param>
/// <param name="ExecutionId">The execution it belongs to, or null for any (external events, control requests).</param>
/// <param name="Event">The event to deliver.</param>
/// <param name="VisibleAt">When it may be delivered.</param>
public sealed record InstanceMessage(long Id, string InstanceId, string? ExecutionId, HistoryEvent Event, DateTimeOffset VisibleAt);
