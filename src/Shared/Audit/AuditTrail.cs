using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Storage;

namespace Serverless.Audit;

/// <summary>
/// The tamper-evident audit trail on the table-store port. Each instance's trail is a hash chain kept in one
/// partition; writes are idempotent; <see cref="VerifyTrailAsync"/> finds edited and deleted rows; retention
/// deletes by age through a day index. See docs/storage.md for the key design.
/// </summary>
public sealed partial class AuditTrail
{
    private const int MaxAppendAttempts = 64;

    private readonly ITableStore _store;
    private readonly TimeProvider _time;
    private readonly AuditTrailOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the trail.</summary>
    /// <param name="store">Where rows live.</param>
    /// <param name="time">The clock for entries without a time and for retention.</param>
    /// <param name="options">Table names; defaults when null.</param>
    /// <param name="logger">Diagnostics.</param>
    public AuditTrail(ITableStore store, TimeProvider time, AuditTrailOptions? options = null, ILogger<AuditTrail>? logger = null)
    {
        _store = store;
        _time = time;
        _options = options ?? new AuditTrailOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Creates the trail and index tables if they do not exist.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when both tables exist.</returns>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await _store.CreateTableIfNotExistsAsync(_options.TrailTable, cancellationToken);
        await _store.CreateTableIfNotExistsAsync(_options.DayIndexTable, cancellationToken);
    }

    /// <summary>
    /// Appends an entry to its instance's chain at the next position. Idempotent: a marker row keyed by the entry's
    /// content hash is written in the same transaction, so writing the same entry again (a retry) adds nothing
    /// and returns false. A trail still keyed the old way (time and hash) is migrated first.
    /// </summary>
    /// <param name="entry">The entry; a default <see cref="AuditEntry.Time"/> is filled from the clock.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call recorded it; false when it was already recorded.</returns>
    /// <exception cref="ArgumentException">The entry is invalid; nothing is written.</exception>
    public async Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Time == default)
        {
            entry = entry with { Time = _time.GetUtcNow() };
        }

        entry = entry with { Time = entry.Time.ToUniversalTime() };
        entry.Validate();
        var contentHash = AuditHashing.ContentHash(entry);

        // The index row goes first: if we crash before the trail row, retention finds an index row without a
        // trail row and removes it; the reverse order could leave a trail row that retention never sees.
        await IndexAsync(entry.InstanceId, [entry.Time], cancellationToken);

        for (var attempt = 1; attempt <= MaxAppendAttempts; attempt++)
        {
            var head = await _store.GetAsync(_options.TrailTable, entry.InstanceId, AuditRows.HeadRowKey, cancellationToken);
            if (head is not null && !AuditRows.HasSequenceKeys(head))
            {
                await MigrateLegacyRowsAsync(entry.InstanceId, cancellationToken);
                continue;
            }

            var sequence = (head?.GetInt64("LastSeq") ?? 0) + 1;
            var previous = head?.GetString("LastHash") ?? string.Empty;
            var record = new AuditRecord(
                entry, AuditHashing.SequenceRowKey(sequence), sequence, previous, AuditHashing.ChainHash(sequence, previous, contentHash));
            var newHead = AuditRows.Head(entry.InstanceId, sequence, record.Hash);
            TableTransactionAction headAction = head is null
                ? new(TableTransactionActionType.Add, newHead)
                : new(TableTransactionActionType.UpdateMerge, newHead, head.ETag);
            try
            {
                await _store.SubmitTransactionAsync(
                    _options.TrailTable,
                    [
                        new(TableTransactionActionType.Add, AuditRows.Marker(entry.InstanceId, contentHash, sequence)),
                        new(TableTransactionActionType.Add, AuditRows.ToEntity(record)),
                        headAction,
                    ],
                    cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                return false;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex is 1 or 2 && e.Status is 409 or 412)
            {
                Log.AppendContended(_logger, entry.InstanceId, attempt);
            }
        }

        throw new RequestFailedException(
            412, $"Could not append to the audit trail of '{entry.InstanceId}' after {MaxAppendAttempts} attempts: the head kept changing.", TableErrorCode.UpdateConditionNotSatisfied.ToString(), null);
    }
}
