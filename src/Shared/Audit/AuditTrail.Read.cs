using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Serverless.Storage;

namespace Serverless.Audit;

public sealed partial class AuditTrail
{
    /// <summary>One instance's trail in time order (a single-partition range query).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The stored records.</returns>
    public async IAsyncEnumerable<AuditRecord> ReadTrailAsync(string instanceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = TableStoreQuery.Partition(instanceId, new TableCondition("RowKey", TableComparison.LessThan, AuditRows.EntryRowKeyLimit));
        await foreach (var row in _store.QueryAllAsync(_options.TrailTable, query, cancellationToken))
        {
            yield return AuditRows.FromEntity(row);
        }
    }

    /// <summary>
    /// Walks the instance's chain in sequence order and reports every row whose content no longer matches its
    /// hash (edited), every missing position (deleted), every broken link, and a head that disagrees.
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The findings.</returns>
    public async Task<AuditVerification> VerifyTrailAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        TableLimits.Key(instanceId, nameof(instanceId));
        var rows = new List<AuditRecord>();
        await foreach (var record in ReadTrailAsync(instanceId, cancellationToken))
        {
            rows.Add(record);
        }

        var head = await _store.GetAsync(_options.TrailTable, instanceId, AuditRows.HeadRowKey, cancellationToken);
        var problems = new List<AuditProblem>();
        if (head is null)
        {
            if (rows.Count > 0)
            {
                problems.Add(new(AuditProblemKind.HeadMismatch, 0, AuditRows.HeadRowKey, "Entry rows exist but the chain head row is missing."));
            }

            return Report(instanceId, rows.Count, problems);
        }

        var expectedSequence = (head.GetInt64("PrunedThroughSeq") ?? 0) + 1;
        var expectedPrevious = head.GetString("PrunedHash") ?? string.Empty;
        foreach (var row in rows.OrderBy(r => r.Sequence))
        {
            CheckContent(row, problems);
            if (row.Sequence > expectedSequence)
            {
                problems.Add(Missing(expectedSequence, row.Sequence - 1, $"before row {row.RowKey}"));
            }
            else if (row.Sequence < expectedSequence)
            {
                problems.Add(new(AuditProblemKind.ChainBroken, row.Sequence, row.RowKey, $"Row {row.RowKey} repeats or precedes chain position {row.Sequence}."));
            }
            else if (row.PreviousHash != expectedPrevious)
            {
                problems.Add(new(AuditProblemKind.ChainBroken, row.Sequence, row.RowKey, $"Row {row.RowKey} does not link to the row before it."));
            }

            expectedSequence = Math.Max(expectedSequence, row.Sequence + 1);
            expectedPrevious = row.Hash;
        }

        var last = head.GetInt64("LastSeq") ?? 0;
        if (last >= expectedSequence)
        {
            problems.Add(Missing(expectedSequence, last, "at the end of the trail"));
        }
        else if (head.GetString("LastHash") != expectedPrevious)
        {
            problems.Add(new(AuditProblemKind.HeadMismatch, last, AuditRows.HeadRowKey, "The chain head does not match the last row."));
        }

        return Report(instanceId, rows.Count, problems);
    }

    private static void CheckContent(AuditRecord row, List<AuditProblem> problems)
    {
        var content = AuditHashing.ContentHash(row.Entry);
        if (AuditHashing.ChainHash(row.Sequence, row.PreviousHash, content) != row.Hash || AuditHashing.RowKey(row.Entry, content) != row.RowKey)
        {
            problems.Add(new(AuditProblemKind.Edited, row.Sequence, row.RowKey, $"Row {row.RowKey} (position {row.Sequence}) was changed after it was written."));
        }
    }

    private static AuditProblem Missing(long from, long to, string where) => new(
        AuditProblemKind.Deleted,
        from,
        null,
        from == to ? $"Chain position {from} is missing {where}." : $"Chain positions {from} to {to} are missing {where}.");

    private AuditVerification Report(string instanceId, int rows, List<AuditProblem> problems)
    {
        if (problems.Count > 0)
        {
            Log.VerificationFailed(_logger, instanceId, problems.Count);
        }

        return new AuditVerification(instanceId, rows, problems);
    }
}
