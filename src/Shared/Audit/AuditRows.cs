using Azure.Data.Tables;

namespace Serverless.Audit;

/// <summary>How audit records, the per-instance head and the day index map onto table entities.</summary>
internal static class AuditRows
{
    /// <summary>The head row's key: '~' sorts after every digit, so it follows all entry rows.</summary>
    public const string HeadRowKey = "~head";

    /// <summary>Entry rows sort strictly below this key.</summary>
    public const string EntryRowKeyLimit = "~";

    public static TableEntity ToEntity(AuditRecord record)
    {
        var e = record.Entry;
        return new TableEntity(e.InstanceId, record.RowKey)
        {
            ["WorkflowName"] = e.WorkflowName,
            ["WorkflowVersion"] = e.WorkflowVersion,
            ["Step"] = e.Step,
            ["EventType"] = e.EventType,
            ["Actor"] = e.Actor,
            ["Time"] = e.Time,
            ["Details"] = e.DetailsJson,
            ["CorrelationId"] = e.CorrelationId,
            ["Seq"] = record.Sequence,
            ["PrevHash"] = record.PreviousHash,
            ["Hash"] = record.Hash,
            ["HashVersion"] = AuditHashing.Version,
        };
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
            DetailsJson = row.GetString("Details"),
            CorrelationId = row.GetString("CorrelationId"),
        },
        row.RowKey,
        row.GetInt64("Seq") ?? 0,
        row.GetString("PrevHash") ?? string.Empty,
        row.GetString("Hash") ?? string.Empty);

    public static TableEntity Head(string instanceId, long lastSequence, string lastHash) =>
        new(instanceId, HeadRowKey) { ["LastSeq"] = lastSequence, ["LastHash"] = lastHash };

    public static TableEntity DayIndex(AuditRecord record) =>
        new(AuditHashing.DayKey(record.Entry.Time), record.RowKey + "|" + record.Entry.InstanceId)
        {
            ["InstanceId"] = record.Entry.InstanceId,
            ["TrailRowKey"] = record.RowKey,
            ["Time"] = record.Entry.Time,
        };
}
