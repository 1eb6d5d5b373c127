using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.History;

namespace Serverless.Runtime.Storage;

/// <summary>
/// The durable log behind the runtime. SQLite and in-memory implementations pass one contract suite.
/// Every write is atomic; ids of messages and activities are assigned by the store.
/// </summary>
public interface IRuntimeStore : IAsyncDisposable
{
    /// <summary>Creates tables (idempotent).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates an instance with its start message, leased to <paramref name="owner"/> until <paramref name="leaseUntil"/>
    /// (the creating process runs it first; null leaves it free). An active instance with the same id throws
    /// <c>OrchestrationAlreadyExistsException</c>, and so does a finished one whose status is in
    /// <paramref name="dedupeStatuses"/>; any other finished one is replaced (history, inbox and activities removed).
    /// The check and the write are one transaction, so two concurrent creates of one id never both succeed.
    /// Returns the stored start message with its id.
    /// </summary>
    Task<InstanceMessage> CreateInstanceAsync(
        InstanceRecord instance,
        InstanceMessage startMessage,
        string? owner,
        DateTimeOffset leaseUntil,
        IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupeStatuses,
        CancellationToken cancellationToken);

    /// <summary>Reads an instance row, or null.</summary>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads instances matching the filter, ordered by (CreatedAt, InstanceId), one page at a time. Throws
    /// <see cref="ArgumentOutOfRangeException"/> for a page size below 1 and <see cref="ArgumentException"/>
    /// for a continuation token the store did not issue.
    /// </summary>
    Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Reads the current execution's history in order.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Reads the inbox messages visible at <paramref name="now"/>, oldest id first.</summary>
    Task<IReadOnlyList<InstanceMessage>> GetVisibleMessagesAsync(string instanceId, DateTimeOffset now, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a message to an existing instance's inbox and returns it with its id. Throws
    /// <c>OrchestrationNotFoundException</c> when the instance does not exist, and
    /// <c>OrchestrationStateException</c> when <paramref name="requireActive"/> is set and the instance is finished.
    /// </summary>
    Task<InstanceMessage> EnqueueMessageAsync(InstanceMessage message, bool requireActive, CancellationToken cancellationToken);

    /// <summary>Takes the instance lease when it is free, expired or already ours; false otherwise (or when the instance is gone).</summary>
    Task<bool> TryAcquireInstanceAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Gives up the instance lease if we hold it.</summary>
    Task ReleaseInstanceAsync(string instanceId, string owner, CancellationToken cancellationToken);

    /// <summary>Commits one episode atomically; see <see cref="OrchestrationCommit"/>.</summary>
    Task<CommitResult> CommitOrchestrationAsync(OrchestrationCommit commit, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="maxCount"/> activities whose lease is free or expired.</summary>
    Task<IReadOnlyList<ActivityWorkItem>> LeaseActivitiesAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the activity work item and inserts its result message in one transaction. Returns the
    /// stored message, or null when the work item was already completed (by another lease holder).
    /// </summary>
    Task<InstanceMessage?> CompleteActivityAsync(long activityId, InstanceMessage result, CancellationToken cancellationToken);

    /// <summary>
    /// Extends to <paramref name="leaseUntil"/> every instance and activity lease <paramref name="owner"/> holds that
    /// ends before <paramref name="endingBefore"/>; a lease with longer to run is not rewritten.
    /// </summary>
    Task RenewLeasesAsync(string owner, DateTimeOffset leaseUntil, DateTimeOffset endingBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="owner"/> as a live worker of this store until the returned handle is disposed or its
    /// process ends, a crash included, so that <see cref="ReclaimDeadOwnersAsync"/> in any process can tell when it is gone.
    /// </summary>
    Task<IAsyncDisposable> RegisterOwnerAsync(string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Frees every instance and activity lease held by a registered owner that is provably gone (its handle was
    /// disposed or its process ended), so live workers retake that work at once instead of when the lease expires.
    /// An owner that is alive, or that never registered, keeps its leases. Returns the owners whose leases were freed.
    /// </summary>
    Task<IReadOnlyList<string>> ReclaimDeadOwnersAsync(CancellationToken cancellationToken);

    /// <summary>Instances with visible messages whose lease is free, expired or held by <paramref name="owner"/>.</summary>
    Task<IReadOnlyList<string>> FindReadyInstancesAsync(string owner, DateTimeOffset now, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Messages that become visible after <paramref name="after"/> and no later than <paramref name="until"/>
    /// (durable timers, delayed starts): instance and due time, earliest first. Reads only that range of due times.
    /// </summary>
    Task<IReadOnlyList<(string InstanceId, DateTimeOffset DueAt)>> GetFutureMessagesAsync(
        DateTimeOffset after, DateTimeOffset until, int maxCount, CancellationToken cancellationToken);

    /// <summary>Deletes finished instances (and their history, inbox and activities) by id; returns how many were deleted.</summary>
    Task<int> PurgeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);

    /// <summary>Ids of the sub-orchestrations whose parent is <paramref name="instanceId"/>.</summary>
    Task<IReadOnlyList<string>> GetChildInstanceIdsAsync(string instanceId, CancellationToken cancellationToken);
}
