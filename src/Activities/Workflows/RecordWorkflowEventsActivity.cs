using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Audit;

namespace Serverless.Activities.Workflows;

/// <summary>
/// Appends a batch of workflow domain events to the audit trail, in order. Idempotent: each entry's row key
/// derives from its content and replay-safe time (and the sequence is part of the details), so a redelivered
/// batch adds nothing. One call per batch keeps a long workflow from paying an activity round trip per event,
/// and the trail writes the batch in a few transactions (<see cref="AuditTrail.AppendBatchAsync"/>).
/// Details are kept whole up to <see cref="AuditEntry.MaxDetailsChars"/> (the trail splits them over properties); the
/// start route refuses inputs that could not fit, so only an output built larger than that mid-run is replaced by a
/// <c>truncated</c> marker.
/// </summary>
/// <param name="trail">The audit trail.</param>
public sealed class RecordWorkflowEventsActivity(AuditTrail trail) : TaskActivity<WorkflowEventBatch, int>
{
    /// <summary>The name the interpreter calls it by.</summary>
    public const string Name = "recordWorkflowEvents";

    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, WorkflowEventBatch input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var entries = new List<AuditEntry>(input.Events.Count);
        foreach (var item in input.Events)
        {
            var details = item.Details?.DeepClone().AsObject() ?? [];
            details["sequence"] = item.Sequence;
            var detailsJson = details.ToJsonString();
            if (detailsJson.Length > AuditEntry.MaxDetailsChars)
            {
                // An output built larger than the trail holds must not fail the run: keep the fact, drop the payload.
                detailsJson = new JsonObject { ["sequence"] = item.Sequence, ["truncated"] = true, ["detailsChars"] = detailsJson.Length }.ToJsonString();
            }

            entries.Add(new AuditEntry
            {
                InstanceId = input.InstanceId,
                WorkflowName = input.Workflow,
                WorkflowVersion = input.Version.ToString(CultureInfo.InvariantCulture),
                Step = item.Step,
                EventType = item.Type,
                Actor = ActorOf(item, input.Actor),
                Time = item.Time,
                DetailsJson = detailsJson,
                CorrelationId = input.CorrelationId,
            });
        }

        return await trail.AppendBatchAsync(entries);
    }

    // An approval decision is the approver's act, not the starter's.
    private static string ActorOf(WorkflowEvent item, string fallback) =>
        item.Details?["approver"] is JsonValue value && value.TryGetValue<string>(out var approver) && approver.Length > 0 ? approver : fallback;
}
