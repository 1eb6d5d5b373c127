using Azure;
using Azure.Data.Tables;
using Serverless.Storage;

namespace Serverless.Audit;

public sealed partial class AuditTrail
{
    /// <summary>Old-scheme rows moved per transaction: three actions each (new row, marker, delete of the old row).</summary>
    private const int MigratedRowsPerBatch = 33;

    /// <summary>
    /// Rewrites an instance's entry rows from the old row-key scheme (time ticks and content hash, which sort by
    /// time) to the sequence scheme, each with its content-hash marker, and records the scheme on the head.
    /// Contents, sequence numbers and hashes are kept, so the chain verifies as before. Each batch is atomic, and a
    /// migration cut short is finished by the next call. <see cref="AppendAsync"/> calls it before it appends to an
    /// old trail; call it directly to migrate a finished instance's trail.
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the migration (committed batches stay committed).</param>
    /// <returns>How many rows were rewritten.</returns>
    public async Task<int> MigrateLegacyRowsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        TableLimits.Key(instanceId, nameof(instanceId));
        var legacy = new List<AuditRecord>();
        await foreach (var record in ReadTrailAsync(instanceId, cancellationToken))
        {
            if (AuditHashing.IsLegacyRowKey(record.RowKey))
            {
                legacy.Add(record);
            }
        }

        foreach (var chunk in legacy.Chunk(MigratedRowsPerBatch))
        {
            var actions = new List<TableTransactionAction>(chunk.Length * 3);
            foreach (var old in chunk)
            {
                var moved = old with { RowKey = AuditHashing.SequenceRowKey(old.Sequence) };
                actions.Add(new(TableTransactionActionType.UpsertReplace, AuditRows.ToEntity(moved)));
                actions.Add(new(TableTransactionActionType.UpsertReplace, AuditRows.Marker(instanceId, AuditHashing.ContentHash(old.Entry), old.Sequence)));
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(instanceId, old.RowKey), ETag.All));
            }

            await _store.SubmitTransactionAsync(_options.TrailTable, actions, cancellationToken);
        }

        await _store.UpsertAsync(
            _options.TrailTable,
            new TableEntity(instanceId, AuditRows.HeadRowKey) { ["KeyScheme"] = AuditRows.SequenceKeyScheme },
            TableUpdateMode.Merge,
            cancellationToken);
        if (legacy.Count > 0)
        {
            Log.Migrated(_logger, instanceId, legacy.Count);
        }

        return legacy.Count;
    }
}
