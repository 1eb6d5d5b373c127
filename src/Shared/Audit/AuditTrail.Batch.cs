using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Serverless.Storage;

namespace Serverless.Audit;

public sealed partial class AuditTrail
{
    /// <summary>Entries per trail transaction: two actions each (marker and entry) plus the head, within the 100-action limit.</summary>
    private const int EntriesPerTransaction = 49;

    /// <summary>
    /// Appends entries of one instance in order, with the same result as calling <see cref="AppendAsync"/> for each
    /// of them in turn (the same rows, sequence numbers and hashes; an entry already recorded is skipped), but in a
    /// few transactions instead of two writes and a read per entry: the instance's day-index row, then one trail
    /// transaction per <see cref="EntriesPerTransaction"/> entries. A transaction that meets an entry already
    /// recorded (a redelivered batch) falls back to appending that chunk's entries one at a time.
    /// </summary>
    /// <param name="entries">The entries, all of one instance; a default <see cref="AuditEntry.Time"/> is filled from the clock.</param>
    /// <param name="cancellationToken">Cancels the operation (committed transactions stay committed).</param>
    /// <returns>How many entries this call recorded.</returns>
    /// <exception cref="ArgumentException">An entry is invalid or belongs to another instance; nothing is written.</exception>
    public async Task<int> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return 0;
        }

        var prepared = Prepare(entries);
        await IndexAsync(prepared[0].Entry.InstanceId, prepared.Select(p => p.Entry.Time), cancellationToken);
        var written = 0;
        foreach (var chunk in prepared.Chunk(EntriesPerTransaction))
        {
            written += await AppendChunkAsync(chunk, cancellationToken);
        }

        return written;
    }

    // Validates every entry before anything is written; a content hash seen earlier in the batch is a repeat, which
    // one-at-a-time appends would skip too.
    private List<PreparedEntry> Prepare(IReadOnlyList<AuditEntry> entries)
    {
        var instanceId = entries[0]?.InstanceId;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var prepared = new List<PreparedEntry>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            if (!string.Equals(entry.InstanceId, instanceId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Entry {i} belongs to instance '{entry.InstanceId}', not '{instanceId}': a batch is one instance's.", nameof(entries));
            }

            entry = entry with { Time = (entry.Time == default ? _time.GetUtcNow() : entry.Time).ToUniversalTime() };
            entry.Validate();
            var contentHash = AuditHashing.ContentHash(entry);
            if (seen.Add(contentHash))
            {
                prepared.Add(new PreparedEntry(entry, contentHash));
            }
        }

        return prepared;
    }

    private async Task<int> AppendChunkAsync(PreparedEntry[] chunk, CancellationToken cancellationToken)
    {
        var instanceId = chunk[0].Entry.InstanceId;
        for (var attempt = 1; attempt <= MaxAppendAttempts; attempt++)
        {
            var head = await _store.GetAsync(_options.TrailTable, instanceId, AuditRows.HeadRowKey, cancellationToken);
            if (head is not null && !AuditRows.HasSequenceKeys(head))
            {
                await MigrateLegacyRowsAsync(instanceId, cancellationToken);
                continue;
            }

            var sequence = head?.GetInt64("LastSeq") ?? 0;
            var previous = head?.GetString("LastHash") ?? string.Empty;
            var actions = new List<TableTransactionAction>((chunk.Length * 2) + 1);
            foreach (var (entry, contentHash) in chunk)
            {
                sequence++;
                var record = new AuditRecord(entry, AuditHashing.SequenceRowKey(sequence), sequence, previous, AuditHashing.ChainHash(sequence, previous, contentHash));
                actions.Add(new(TableTransactionActionType.Add, AuditRows.Marker(instanceId, contentHash, sequence)));
                actions.Add(new(TableTransactionActionType.Add, AuditRows.ToEntity(record)));
                previous = record.Hash;
            }

            var newHead = AuditRows.Head(instanceId, sequence, previous);
            actions.Add(head is null
                ? new(TableTransactionActionType.Add, newHead)
                : new(TableTransactionActionType.UpdateMerge, newHead, head.ETag));
            try
            {
                await _store.SubmitTransactionAsync(_options.TrailTable, actions, cancellationToken);
                return chunk.Length;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex is { } index && index % 2 == 0 && index < actions.Count - 1)
            {
                // A marker exists: part of this chunk was recorded before (a retry). Let each entry find out alone.
                return await AppendOneByOneAsync(chunk, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                Log.AppendContended(_logger, instanceId, attempt);
            }
        }

        throw new RequestFailedException(
            412, $"Could not append to the audit trail of '{instanceId}' after {MaxAppendAttempts} attempts: the head kept changing.", TableErrorCode.UpdateConditionNotSatisfied.ToString(), null);
    }

    private async Task<int> AppendOneByOneAsync(PreparedEntry[] chunk, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var (entry, _) in chunk)
        {
            if (await AppendAsync(entry, cancellationToken))
            {
                written++;
            }
        }

        return written;
    }

    private readonly record struct PreparedEntry(AuditEntry Entry, string ContentHash);
}
