using Azure;
using Azure.Data.Tables;
using Serverless.Storage;

namespace Serverless.Audit;

public sealed partial class AuditTrail
{
    private const int MaxIndexAttempts = 8;

    /// <summary>
    /// Makes sure the day index names <paramref name="instanceId"/> on the day of each time, with a time no later
    /// than the earliest of them: one row per instance and day (read, then added or moved earlier only when needed),
    /// written before the trail rows so retention can always find what a crash left behind.
    /// </summary>
    private async Task IndexAsync(string instanceId, IEnumerable<DateTimeOffset> times, CancellationToken cancellationToken)
    {
        foreach (var day in times.GroupBy(AuditHashing.DayKey, StringComparer.Ordinal))
        {
            var earliest = day.Min();
            for (var attempt = 1; ; attempt++)
            {
                var row = await _store.GetAsync(_options.DayIndexTable, day.Key, AuditRows.InstanceDayPrefix + instanceId, cancellationToken);
                try
                {
                    if (row is null)
                    {
                        await _store.AddAsync(_options.DayIndexTable, AuditRows.InstanceDay(day.Key, instanceId, earliest), cancellationToken);
                    }
                    else if (row.GetDateTimeOffset("Time") is not { } indexed || indexed > earliest)
                    {
                        await _store.UpdateAsync(_options.DayIndexTable, AuditRows.InstanceDay(day.Key, instanceId, earliest), row.ETag, TableUpdateMode.Merge, cancellationToken);
                    }

                    break;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxIndexAttempts)
                {
                    // Another writer or a retention sweep changed the row between the read and the write: read again.
                }
            }
        }
    }

    /// <summary>
    /// After a prune: an instance-day row with nothing left that day goes; one with younger entries left moves to the
    /// earliest of them, so later sweeps do not visit the instance for nothing. Per-entry rows (written before
    /// instance-day rows) go when their entry is gone.
    /// </summary>
    private async Task<List<TableEntity>> SettleIndexRowsAsync(IEnumerable<TableEntity> rows, IReadOnlyCollection<AuditRecord> remaining, CancellationToken cancellationToken)
    {
        var stale = new List<TableEntity>();
        HashSet<string>? remainingKeys = null;
        foreach (var row in rows)
        {
            if (!AuditRows.IsInstanceDay(row))
            {
                remainingKeys ??= remaining.Select(r => AuditHashing.EntryKey(r.Entry, AuditHashing.ContentHash(r.Entry))).ToHashSet(StringComparer.Ordinal);
                if (!remainingKeys.Contains(AuditRows.IndexedEntryKey(row)))
                {
                    stale.Add(row);
                }

                continue;
            }

            var left = remaining.Where(r => string.Equals(AuditHashing.DayKey(r.Entry.Time), row.PartitionKey, StringComparison.Ordinal)).ToList();
            if (left.Count == 0)
            {
                stale.Add(row);
                continue;
            }

            var earliest = left.Min(r => r.Entry.Time);
            if (row.GetDateTimeOffset("Time") is not { } indexed || indexed < earliest)
            {
                try
                {
                    await _store.UpdateAsync(
                        _options.DayIndexTable, AuditRows.InstanceDay(row.PartitionKey, row.GetString("InstanceId") ?? string.Empty, earliest), row.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    // A writer moved it (earlier, which is always safe) or another sweep removed it.
                }
            }
        }

        return stale;
    }
}
