using Azure;
using Azure.Data.Tables;
using Serverless.Activities.Storage;
using Serverless.Approvals;

namespace Serverless.Activities.Approvals;

public sealed partial class ApprovalInbox
{
    /// <summary>
    /// Records a decision by a listed approver of the current level. The host calls this before raising the
    /// approval event, so the refusal cases below never reach the orchestration.
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="stepId">The approval step.</param>
    /// <param name="decision">The decision; a missing <see cref="ApprovalDecision.DecidedAt"/> is set from the clock.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The request with the decision added.</returns>
    /// <exception cref="ArgumentException">The decision has no approver.</exception>
    /// <exception cref="ApprovalNotFoundException">No such request (404).</exception>
    /// <exception cref="ApproverNotListedException">The approver is not listed at the current level (403).</exception>
    /// <exception cref="ApprovalConflictException">The request is closed, or this approver already decided (409).</exception>
    public async Task<ApprovalRecord> RecordDecisionAsync(string instanceId, string stepId, ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        ArgumentNullException.ThrowIfNull(decision);
        if (string.IsNullOrWhiteSpace(decision.Approver))
        {
            throw new ArgumentException("The decision needs an approver.", nameof(decision));
        }

        decision = decision with { Approver = decision.Approver.Trim(), DecidedAt = decision.DecidedAt ?? _time.GetUtcNow() };
        var store = await StoreAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxContentionAttempts; attempt++)
        {
            var entity = await store.GetAsync(ActivityTables.Approvals, ApprovalRows.Partition(instanceId), ApprovalRows.Row(stepId), cancellationToken)
                ?? throw new ApprovalNotFoundException(instanceId, stepId);
            var current = ApprovalRows.FromEntity(entity);
            if (current.Status != ApprovalStatus.Pending)
            {
                throw new ApprovalConflictException(instanceId, stepId, ApprovalConflict.NotPending, $"Approval '{stepId}' of instance '{instanceId}' is closed ({current.Outcome}).");
            }

            if (!current.Request.Lists(decision.Approver))
            {
                throw new ApproverNotListedException(instanceId, stepId, decision.Approver);
            }

            if (current.HasDecided(decision.Approver))
            {
                throw new ApprovalConflictException(instanceId, stepId, ApprovalConflict.AlreadyDecided, $"'{decision.Approver}' has already decided approval '{stepId}' of instance '{instanceId}'.");
            }

            var decided = current with { Decisions = [.. current.Decisions, decision] };
            try
            {
                await store.UpdateAsync(ActivityTables.Approvals, ApprovalRows.ToEntity(decided), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                Log.Decided(_logger, instanceId, stepId, decision.Approved);
                return decided;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another decision landed first; check again against the new state.
            }
        }

        throw new InvalidOperationException($"The approval '{stepId}' of '{instanceId}' kept changing.");
    }

    /// <summary>Closes a request with its outcome; idempotent (closing again, or a missing request, changes nothing).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="stepId">The approval step.</param>
    /// <param name="outcome">E.g. <c>approved</c>, <c>rejected</c>, <c>timedOut</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call closed it.</returns>
    public async Task<bool> CloseAsync(string instanceId, string stepId, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        var store = await StoreAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxContentionAttempts; attempt++)
        {
            var entity = await store.GetAsync(ActivityTables.Approvals, ApprovalRows.Partition(instanceId), ApprovalRows.Row(stepId), cancellationToken);
            if (entity is null)
            {
                return false;
            }

            var current = ApprovalRows.FromEntity(entity);
            if (current.Status == ApprovalStatus.Closed)
            {
                return false;
            }

            var closed = current with { Status = ApprovalStatus.Closed, Outcome = outcome, ClosedAt = _time.GetUtcNow() };
            try
            {
                await store.UpdateAsync(ActivityTables.Approvals, ApprovalRows.ToEntity(closed), entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                continue;
            }

            await UnindexAsync(store, current.Request.Approvers, current.Request, cancellationToken);
            Log.Closed(_logger, instanceId, stepId, outcome);
            return true;
        }

        throw new InvalidOperationException($"The approval '{stepId}' of '{instanceId}' kept changing.");
    }
}
