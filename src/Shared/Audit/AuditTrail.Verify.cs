using Azure.Data.Tables;
using Serverless.Storage;

namespace Serverless.Audit;

public sealed partial class AuditTrail
{
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

        // One query reads the whole partition: entry rows in sequence order, then the markers, then the head.
        var rows = new List<AuditRecord>();
        var legacy = new List<AuditRecord>();
        var markers = new Dictionary<string, long>(StringComparer.Ordinal);
        TableEntity? head = null;
        await foreach (var row in _store.QueryAllAsync(_options.TrailTable, TableStoreQuery.Partition(instanceId), cancellationToken))
        {
            if (row.RowKey == AuditRows.HeadRowKey)
            {
                head = row;
            }
            else if (row.RowKey.StartsWith(AuditHashing.MarkerPrefix, StringComparison.Ordinal))
            {
                markers[row.RowKey] = row.GetInt64("Seq") ?? 0;
            }
            else if (string.CompareOrdinal(row.RowKey, AuditRows.EntryRowKeyLimit) < 0)
            {
                var record = AuditRows.FromEntity(row);
                (AuditHashing.IsLegacyRowKey(record.RowKey) ? legacy : rows).Add(record);
            }
        }

        rows.AddRange(legacy.OrderBy(r => r.Sequence));
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
        foreach (var row in rows)
        {
            CheckContent(row, markers, problems);
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

    // A row is intact when its hash covers its content and position, its key matches (the sequence, or time and
    // hash for old-scheme rows), and (sequence keys) the marker written with it names this content at this position;
    // a row edited and re-hashed in place keeps its position but loses its marker.
    private static void CheckContent(AuditRecord row, Dictionary<string, long> markers, List<AuditProblem> problems)
    {
        var content = AuditHashing.ContentHash(row.Entry);
        var legacy = AuditHashing.IsLegacyRowKey(row.RowKey);
        var keyMatches = legacy
            ? AuditHashing.EntryKey(row.Entry, content) == row.RowKey
            : AuditHashing.SequenceRowKey(row.Sequence) == row.RowKey
              && markers.TryGetValue(AuditHashing.MarkerRowKey(content), out var marked) && marked == row.Sequence;
        if (AuditHashing.ChainHash(row.Sequence, row.PreviousHash, content) != row.Hash || !keyMatches)
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
