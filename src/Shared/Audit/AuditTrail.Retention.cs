using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Serverless.Storage;

namespace Serverless.Audit;

public sealed partial class AuditTrail
{
    /// <summary>Entries deleted per transaction (each with its marker row); the 99th action moves the chain's pruned-through mark.</summary>
    private const int RowsPerBatch = 49;

    /// <summary>
    /// Deletes trail rows written more than <paramref name="maxAge"/> ago (by the injected clock), in
    /// transactions of at most 100 actions on one partition, then records the sweep in the trail itself.
    /// For each instance only the oldest part of its chain is cut (rows in chain order up to the first young
    /// one), and the head remembers where the cut is, so the rest still verifies.
    /// </summary>
    /// <param name="maxAge">How long rows are kept; must be positive.</param>
    /// <param name="cancellationToken">Cancels the sweep (what was committed stays committed).</param>
    /// <returns>Counts of what was deleted.</returns>
    public async Task<AuditRetentionResult> ApplyRetentionAsync(TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        var cutoff = now - maxAge;
        var candidates = new List<TableEntity>();
        var query = new TableStoreQuery
        {
            Where = [new("PartitionKey", TableComparison.LessThanOrEqual, AuditHashing.DayKey(cutoff)), new("Time", TableComparison.LessThan, cutoff)],
        };
        await foreach (var row in _store.QueryAllAsync(_options.DayIndexTable, query, cancellationToken))
        {
            candidates.Add(row);
        }

        int rows = 0, instances = 0, batches = 0;
        var staleIndexRows = new List<TableEntity>();
        foreach (var group in candidates.GroupBy(r => r.GetString("InstanceId") ?? string.Empty, StringComparer.Ordinal))
        {
            var (deleted, remaining, instanceBatches) = await PruneInstanceAsync(group.Key, cutoff, cancellationToken);
            rows += deleted;
            instances += deleted > 0 ? 1 : 0;
            batches += instanceBatches;
            staleIndexRows.AddRange(await SettleIndexRowsAsync(group, remaining, cancellationToken));
        }

        var (indexRows, indexBatches) = await DeleteIndexRowsAsync(staleIndexRows, cancellationToken);
        var result = new AuditRetentionResult(cutoff, rows, instances, indexRows, batches + indexBatches);
        await AppendAsync(
            new AuditEntry
            {
                InstanceId = _options.SystemInstanceId,
                WorkflowName = "audit",
                EventType = "RetentionSweep",
                Actor = "retention",
                Time = now,
                DetailsJson = JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["cutoff"] = cutoff, ["rowsDeleted"] = rows, ["instancesPruned"] = instances, ["indexRowsDeleted"] = indexRows,
                }),
            },
            cancellationToken);
        Log.RetentionCompleted(_logger, cutoff, rows, instances, indexRows);
        return result;
    }

    private async Task<(int Deleted, List<AuditRecord> Remaining, int Batches)> PruneInstanceAsync(string instanceId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var chain = new List<AuditRecord>();
        await foreach (var record in ReadTrailAsync(instanceId, cancellationToken))
        {
            chain.Add(record);
        }

        var prunable = chain.TakeWhile(r => r.Entry.Time < cutoff).ToList();
        var batches = 0;
        foreach (var chunk in prunable.Chunk(RowsPerBatch))
        {
            var actions = chunk
                .SelectMany(r => AuditHashing.IsLegacyRowKey(r.RowKey)
                    ? [r.RowKey]
                    : new[] { r.RowKey, AuditHashing.MarkerRowKey(AuditHashing.ContentHash(r.Entry)) })
                .Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, key), ETag.All))
                .Append(new TableTransactionAction(
                    TableTransactionActionType.UpsertMerge,
                    new TableEntity(instanceId, AuditRows.HeadRowKey) { ["PrunedThroughSeq"] = chunk[^1].Sequence, ["PrunedHash"] = chunk[^1].Hash }))
                .ToList();
            await _store.SubmitTransactionAsync(_options.TrailTable, actions, cancellationToken);
            batches++;
        }

        return (prunable.Count, [.. chain.Skip(prunable.Count)], batches);
    }

    private async Task<(int Deleted, int Batches)> DeleteIndexRowsAsync(List<TableEntity> rows, CancellationToken cancellationToken)
    {
        var batches = 0;
        foreach (var day in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in day.Chunk(TableLimits.MaxBatchActions))
            {
                var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)).ToList();
                try
                {
                    await _store.SubmitTransactionAsync(_options.DayIndexTable, actions, cancellationToken);
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    // Another sweep removed some of them first; delete the rest one by one (idempotent).
                    foreach (var row in chunk)
                    {
                        await _store.DeleteAsync(_options.DayIndexTable, row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
                    }
                }

                batches++;
            }
        }

        return (rows.Count, batches);
    }
}
