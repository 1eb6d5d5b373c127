using Serverless.Telemetry;

namespace Serverless.Orchestrations.Workflows;

/// <content>Metrics from the interpreter's domain events: measured only when not replaying, so each is counted once.</content>
internal sealed partial class WorkflowRun
{
    private readonly Dictionary<string, DateTime> _stepScheduledAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _approvalRequestedAt = new(StringComparer.Ordinal);

    private void Measure(string type, string? step)
    {
        // Start times are kept in replay too: the step may finish in a live episode after a restart.
        switch (type)
        {
            case WorkflowEventTypes.StepScheduled when step is not null:
                _stepScheduledAt[step] = Now;
                return;
            case WorkflowEventTypes.ApprovalRequested when step is not null:
                _approvalRequestedAt.TryAdd(step, Now);
                return;
        }

        if (_context.IsReplaying)
        {
            return;
        }

        var workflow = new KeyValuePair<string, object?>(TelemetryAttributes.Workflow, Definition.Name);
        var version = new KeyValuePair<string, object?>(TelemetryAttributes.Version, Definition.Version);
        switch (type)
        {
            case WorkflowEventTypes.WorkflowStarted:
                WorkflowMeters.Started.Add(1, workflow, version);
                break;
            case WorkflowEventTypes.WorkflowCompleted:
                WorkflowMeters.Completed.Add(1, workflow, version);
                break;
            case WorkflowEventTypes.WorkflowFailed:
                WorkflowMeters.Failed.Add(1, workflow, version);
                break;
            case WorkflowEventTypes.CompensationStarted:
                WorkflowMeters.Compensated.Add(1, workflow, version);
                break;
            case WorkflowEventTypes.StepCompleted or WorkflowEventTypes.StepFailed when step is not null && _stepScheduledAt.Remove(step, out var scheduled):
                WorkflowMeters.StepDuration.Record(
                    (Now - scheduled).TotalSeconds, workflow, new(TelemetryAttributes.StepId, step), Outcome(type == WorkflowEventTypes.StepCompleted ? "completed" : "failed"));
                break;
            case WorkflowEventTypes.ApprovalGranted or WorkflowEventTypes.ApprovalRejected or WorkflowEventTypes.ApprovalTimedOut
                when step is not null && _approvalRequestedAt.Remove(step, out var requested):
                var outcome = type switch
                {
                    WorkflowEventTypes.ApprovalGranted => "granted",
                    WorkflowEventTypes.ApprovalRejected => "rejected",
                    _ => "timedOut",
                };
                WorkflowMeters.ApprovalWait.Record((Now - requested).TotalSeconds, workflow, new(TelemetryAttributes.StepId, step), Outcome(outcome));
                break;
        }
    }

    private static KeyValuePair<string, object?> Outcome(string outcome) => new(TelemetryAttributes.Outcome, outcome);
}
