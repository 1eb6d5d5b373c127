using Serverless.Activities.Storage;
using Serverless.Storage;

namespace Serverless.Activities.Approvals;

/// <content>Arrivals: lets a decision that came a moment early wait for the request it answers.</content>
public sealed partial class ApprovalInbox
{
    private TaskCompletionSource _nextArrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when this process next records a new request. Take it before looking a request up, then wait on it:
    /// a request that lands in between still completes it. Requests recorded by another process do not; poll too.
    /// </summary>
    public Task NextArrival => Volatile.Read(ref _nextArrival).Task;

    /// <summary>Whether the instance has a request still pending at a step other than <paramref name="stepId"/>.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="stepId">The step not to count.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when one is pending.</returns>
    public async Task<bool> HasOtherPendingAsync(string instanceId, string stepId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        var store = await StoreAsync(cancellationToken);
        await foreach (var entity in store.QueryAllAsync(ActivityTables.Approvals, TableStoreQuery.Partition(ApprovalRows.Partition(instanceId)), cancellationToken))
        {
            var record = ApprovalRows.FromEntity(entity);
            if (record.Status == ApprovalStatus.Pending && !string.Equals(record.Request.StepId, stepId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void SignalArrival() =>
        Interlocked.Exchange(ref _nextArrival, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
