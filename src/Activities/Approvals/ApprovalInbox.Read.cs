using Serverless.Activities.Storage;
using Serverless.Storage;

namespace Serverless.Activities.Approvals;

public sealed partial class ApprovalInbox
{
    /// <summary>Reads one request, or null when none was made.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="stepId">The approval step.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The request and its decisions, or null.</returns>
    public async Task<ApprovalRecord?> GetAsync(string instanceId, string stepId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        var store = await StoreAsync(cancellationToken);
        var entity = await store.GetAsync(ActivityTables.Approvals, ApprovalRows.Partition(instanceId), ApprovalRows.Row(stepId), cancellationToken);
        return entity is null ? null : ApprovalRows.FromEntity(entity);
    }

    /// <summary>
    /// The requests waiting for <paramref name="approver"/> (case-insensitive): pending, listing them at the
    /// current level, and not yet decided by them; oldest first.
    /// </summary>
    /// <param name="approver">Who.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pending requests.</returns>
    public async Task<IReadOnlyList<ApprovalRecord>> ListPendingAsync(string approver, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approver);
        var store = await StoreAsync(cancellationToken);
        var pending = new List<ApprovalRecord>();
        var query = TableStoreQuery.Partition(ApprovalRows.ApproverPartition(approver));
        await foreach (var index in store.QueryAllAsync(ActivityTables.ApprovalsByApprover, query, cancellationToken))
        {
            if (index.GetString("InstanceId") is not { } instanceId || index.GetString("StepId") is not { } stepId)
            {
                continue;
            }

            var record = await GetAsync(instanceId, stepId, cancellationToken);
            if (record is { Status: ApprovalStatus.Pending } && record.Request.Lists(approver) && !record.HasDecided(approver))
            {
                pending.Add(record);
            }
        }

        return pending
            .OrderBy(r => r.Request.RequestedAt)
            .ThenBy(r => r.Request.InstanceId, StringComparer.Ordinal)
            .ThenBy(r => r.Request.StepId, StringComparer.Ordinal)
            .ToList();
    }
}
