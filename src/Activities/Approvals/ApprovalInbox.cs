using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Activities.Storage;
using Serverless.Storage;

namespace Serverless.Activities.Approvals;

/// <summary>
/// The approvals inbox on the table-store port: requests recorded by orchestrations, the pending list per
/// approver, and the decisions the host accepts before it raises <c>approval:&lt;step&gt;</c> on the instance.
/// Rows: <see cref="ActivityTables.Approvals"/> (partition = instance, row = step) and the approver index
/// <see cref="ActivityTables.ApprovalsByApprover"/> (partition = approver in lower case).
/// </summary>
public sealed partial class ApprovalInbox
{
    private const int MaxContentionAttempts = 32;
    private readonly ActivityStorage _storage;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the inbox.</summary>
    /// <param name="storage">Where rows live.</param>
    /// <param name="time">The clock for defaults (request and decision times).</param>
    /// <param name="logger">Diagnostics.</param>
    public ApprovalInbox(ActivityStorage storage, TimeProvider time, ILogger<ApprovalInbox>? logger = null)
    {
        _storage = storage;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Records a request. Idempotent: requesting the same level again changes nothing. A higher
    /// <see cref="ApprovalRequest.Level"/> replaces the approvers, quorum and due time of the pending request
    /// (earlier decisions are kept, but only listed approvers count). A closed request is never reopened.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The request as stored.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing is stored.</exception>
    public async Task<ApprovalRecord> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        if (request.RequestedAt == default)
        {
            request = request with { RequestedAt = _time.GetUtcNow() };
        }

        request = request with { Approvers = request.DistinctApprovers() };
        var store = await StoreAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxContentionAttempts; attempt++)
        {
            var existing = await store.GetAsync(ActivityTables.Approvals, ApprovalRows.Partition(request.InstanceId), ApprovalRows.Row(request.StepId), cancellationToken);
            try
            {
                if (existing is null)
                {
                    await IndexAsync(store, request, cancellationToken);
                    var created = new ApprovalRecord(request, ApprovalStatus.Pending, [], null, null);
                    await store.AddAsync(ActivityTables.Approvals, ApprovalRows.ToEntity(created), cancellationToken);
                    Log.Requested(_logger, request.InstanceId, request.StepId, request.Level, request.Approvers.Count);
                    SignalArrival();
                    return created;
                }

                var current = ApprovalRows.FromEntity(existing);
                if (current.Status != ApprovalStatus.Pending || request.Level <= current.Request.Level)
                {
                    return current;
                }

                await IndexAsync(store, request, cancellationToken);
                var escalated = current with { Request = request with { RequestedAt = current.Request.RequestedAt } };
                await store.UpdateAsync(ActivityTables.Approvals, ApprovalRows.ToEntity(escalated), existing.ETag, TableUpdateMode.Replace, cancellationToken);
                await UnindexAsync(store, current.Request.Approvers.Where(a => !request.Lists(a)), request, cancellationToken);
                Log.Escalated(_logger, request.InstanceId, request.StepId, request.Level);
                return escalated;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // A concurrent request or decision changed the row; read it again.
            }
        }

        throw new InvalidOperationException($"The approval '{request.StepId}' of '{request.InstanceId}' kept changing.");
    }

    private async Task<ITableStore> StoreAsync(CancellationToken cancellationToken)
    {
        await _storage.TableAsync(ActivityTables.ApprovalsByApprover, cancellationToken);
        return await _storage.TableAsync(ActivityTables.Approvals, cancellationToken);
    }

    private static async Task IndexAsync(ITableStore store, ApprovalRequest request, CancellationToken cancellationToken)
    {
        // Index rows go first: a crash between the two writes leaves an index row whose request is missing
        // or not pending, which every read skips, rather than a pending request nobody can find.
        foreach (var approver in request.Approvers)
        {
            await store.UpsertAsync(ActivityTables.ApprovalsByApprover, ApprovalRows.IndexEntity(approver, request), TableUpdateMode.Replace, cancellationToken);
        }
    }

    private static async Task UnindexAsync(ITableStore store, IEnumerable<string> approvers, ApprovalRequest request, CancellationToken cancellationToken)
    {
        foreach (var approver in approvers)
        {
            await store.DeleteAsync(ActivityTables.ApprovalsByApprover, ApprovalRows.ApproverPartition(approver), ApprovalRows.ApproverRow(request.InstanceId, request.StepId), default, cancellationToken);
        }
    }
}
