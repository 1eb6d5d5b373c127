using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Serverless.Activities.Storage;
using Serverless.Approvals;
using Serverless.Storage;

namespace Serverless.Activities.Approvals;

/// <summary>How approval requests and their approver index are laid out in tables.</summary>
internal static class ApprovalRows
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static string Partition(string instanceId) => TableKeys.Escape(instanceId);

    public static string Row(string stepId) => TableKeys.Escape(stepId);

    public static string ApproverPartition(string approver) => TableKeys.Escape(approver.Trim().ToLowerInvariant());

    public static string ApproverRow(string instanceId, string stepId) => TableKeys.Hash(instanceId, stepId);

    public static TableEntity ToEntity(ApprovalRecord record)
    {
        var r = record.Request;
        var entity = new TableEntity(Partition(r.InstanceId), Row(r.StepId))
        {
            ["InstanceId"] = r.InstanceId,
            ["StepId"] = r.StepId,
            ["Workflow"] = r.Workflow,
            ["Approvers"] = JsonSerializer.Serialize(r.DistinctApprovers(), s_json),
            ["Quorum"] = r.Quorum,
            ["Level"] = r.Level,
            ["RequestedAt"] = r.RequestedAt,
            ["DueAt"] = r.DueAt,
            ["Status"] = record.Status.ToString(),
            ["Outcome"] = record.Outcome,
            ["ClosedAt"] = record.ClosedAt,
        };

        // Whatever a workflow's input can make large is stored whole, split over properties when it is long.
        ChunkedText.Write(entity, "Title", r.Title);
        ChunkedText.Write(entity, "DetailsJson", r.DetailsJson);
        ChunkedText.Write(entity, "Decisions", JsonSerializer.Serialize(record.Decisions, s_json));
        return entity;
    }

    public static ApprovalRecord FromEntity(TableEntity entity)
    {
        var request = new ApprovalRequest
        {
            InstanceId = entity.GetString("InstanceId") ?? string.Empty,
            StepId = entity.GetString("StepId") ?? string.Empty,
            Workflow = entity.GetString("Workflow") ?? string.Empty,
            Title = ChunkedText.Read(entity, "Title") ?? string.Empty,
            Approvers = JsonSerializer.Deserialize<List<string>>(entity.GetString("Approvers") ?? "[]", s_json) ?? [],
            Quorum = entity.GetInt32("Quorum") ?? 1,
            Level = entity.GetInt32("Level") ?? 0,
            RequestedAt = entity.GetDateTimeOffset("RequestedAt") ?? default,
            DueAt = entity.GetDateTimeOffset("DueAt"),
            DetailsJson = ChunkedText.Read(entity, "DetailsJson"),
        };
        var status = Enum.Parse<ApprovalStatus>(entity.GetString("Status") ?? nameof(ApprovalStatus.Pending));
        var decisions = JsonSerializer.Deserialize<List<ApprovalDecision>>(ChunkedText.Read(entity, "Decisions") ?? "[]", s_json) ?? [];
        return new ApprovalRecord(request, status, decisions, entity.GetString("Outcome"), entity.GetDateTimeOffset("ClosedAt"));
    }

    public static TableEntity IndexEntity(string approver, ApprovalRequest request) =>
        new(ApproverPartition(approver), ApproverRow(request.InstanceId, request.StepId))
        {
            ["InstanceId"] = request.InstanceId,
            ["StepId"] = request.StepId,
            ["RequestedAt"] = request.RequestedAt.ToString("O", CultureInfo.InvariantCulture),
        };
}
