using Azure.Data.Tables;
using Serverless.Storage;

namespace Serverless.Audit;

/// <summary>
/// How audit records map onto table entities. One partition per instance holds, in key order: the entry rows
/// (row key = chain position, 19 digits), one marker row per recorded content hash (<c>hash-…</c>), and the
/// chain head (<c>~head</c>). The day index lives in its own table.
/// </summary>
internal static class AuditRows
{
    /// <summary>The head row's key: '~' sorts after digits and letters, so it follows every other row.</summary>
    public const string HeadRowKey = "~head";

    /// <summary>Entry rows (digits) sort strictly below this key; markers and the head sort above it.</summary>
    public const string EntryRowKeyLimit = "a";

    /// <summary>The head's <c>KeyScheme</c> once every entry row of the partition is keyed by sequence.</summary>
    public const int SequenceKeyScheme = 2;

    public static TableEntity ToEntity(AuditRecord record)
    {
        var e = record.Entry;
        var entity = new TableEntity(e.InstanceId, record.RowKey)
        {
            ["WorkflowName"] = e.WorkflowName,
            ["WorkflowVersion"] = e.WorkflowVersion,
            ["Step"] = e.Step,
            ["EventType"] = e.EventType,
            ["Actor"] = e.Actor,
            ["Time"] = e.Time,
            ["CorrelationId"] = e.CorrelationId,
            ["Seq"] = record.Sequence,
            ["PrevHash"] = record.PreviousHash,
            ["Hash"] = record.Hash,
            ["HashVersion"] = AuditHashing.Version,
        };
        ChunkedText.Write(entity, "Details", e.DetailsJson);
        return entity;
    }

    public static AuditRecord FromEntity(TableEntity row) => new(
        new AuditEntry
        {
            InstanceId = row.PartitionKey,
            WorkflowName = row.GetString("WorkflowName") ?? string.Empty,
            WorkflowVersion = row.GetString("WorkflowVersion"),
            Step = row.GetString("Step"),
            EventType = row.GetString("EventType") ?? string.Empty,
            Actor = row.GetString("Actor") ?? string.Empty,
            Time = row.GetDateTimeOffset("Time") ?? default,
            DetailsJson = ChunkedText.Read(row, "Details"),
            CorrelationId = row.GetString("CorrelationId"),
        },
        row.RowKey,
        row.GetInt64("Seq") ?? 0,
        row.GetString("PrevHash") ?? string.Empty,
        row.GetString("Hash") ?? string.Empty);

    /// <summary>Says "this content is recorded, at this position"; written in the same transaction as the entry.</summary>
    public static TableEntity Marker(string instanceId, string contentHash, long sequence) =>
        new(instanceId, AuditHashing.MarkerRowKey(contentHash)) { ["Seq"] = sequence };

    public static TableEntity Head(string instanceId, long lastSequence, string lastHash) =>
        new(instanceId, HeadRowKey) { ["LastSeq"] = lastSequence, ["LastHash"] = lastHash, ["KeyScheme"] = SequenceKeyScheme };

    /// <summary>Whether every entry row of the head's partition is keyed by sequence (no old-scheme rows left).</summary>
    public static bool HasSequenceKeys(TableEntity head) => head.GetInt32("KeyScheme") is >= SequenceKeyScheme;

    /// <summary>The row-key prefix of an instance-day index row (older per-entry rows start with a digit).</summary>
    public const string InstanceDayPrefix = "i:";

    /// <summary>
    /// Says "this instance has entries on this day, none older than <paramref name="earliest"/>": one row per instance
    /// and UTC day, however many entries it has that day.
    /// </summary>
    public static TableEntity InstanceDay(string day, string instanceId, DateTimeOffset earliest) =>
        new(day, InstanceDayPrefix + instanceId) { ["InstanceId"] = instanceId, ["Time"] = earliest };

    /// <summary>Whether an index row is an instance-day row rather than an older per-entry row.</summary>
    public static bool IsInstanceDay(TableEntity indexRow) => indexRow.RowKey.StartsWith(InstanceDayPrefix, StringComparison.Ordinal);

    /// <summary>The entry a day-index row points at; rows written before the sequence keys call it <c>TrailRowKey</c>.</summary>
    public static string IndexedEntryKey(TableEntity indexRow) =>
        indexRow.GetString("EntryKey") ?? indexRow.GetString("TrailRowKey") ?? string.Empty;
}
