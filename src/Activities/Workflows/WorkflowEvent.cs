using System.Text.Json.Nodes;

namespace Serverless.Activities.Workflows;

/// <summary>
/// One domain event of a workflow instance (e.g. <c>StepCompleted</c>), as the interpreter records it: numbered in
/// order and timed with the orchestration's replay-safe clock, so writing it twice writes it once.
/// </summary>
/// <param name="Sequence">1, 2, 3... per instance, across ContinueAsNew executions.</param>
/// <param name="Type">One of <c>WorkflowEventTypes</c>.</param>
/// <param name="Time">Orchestration time when it happened.</param>
/// <param name="Step">The step concerned, if any.</param>
/// <param name="Details">Event details, if any.</param>
public sealed record WorkflowEvent(long Sequence, string Type, DateTimeOffset Time, string? Step = null, JsonObject? Details = null);

/// <summary>The input of <see cref="RecordWorkflowEventsActivity"/>: events of one instance in order.</summary>
/// <param name="InstanceId">The workflow instance.</param>
/// <param name="Workflow">Workflow name.</param>
/// <param name="Version">Workflow version.</param>
/// <param name="Actor">Who the events are attributed to (the starter, or <c>system</c>).</param>
/// <param name="CorrelationId">Correlation id of the start request.</param>
/// <param name="Events">The events, ascending by sequence.</param>
public sealed record WorkflowEventBatch(
    string InstanceId, string Workflow, int Version, string Actor, string? CorrelationId, IReadOnlyList<WorkflowEvent> Events);
