using System.Diagnostics.Metrics;
using Serverless.Telemetry;

namespace Serverless.Orchestrations.Workflows;

/// <summary>
/// The workflow interpreter's instruments, recorded from the same domain events it writes to the audit trail (the
/// numbers <c>GET /api/workflows/{name}/metrics</c> computes from the trail), on whichever host runs it.
/// </summary>
internal static class WorkflowMeters
{
    /// <summary>Workflow instances that started.</summary>
    public static Counter<long> Started { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.workflows.started", "{instance}", "Workflow instances started, by workflow and version.");

    /// <summary>Workflow instances that completed.</summary>
    public static Counter<long> Completed { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.workflows.completed", "{instance}", "Workflow instances completed, by workflow and version.");

    /// <summary>Workflow instances that failed.</summary>
    public static Counter<long> Failed { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.workflows.failed", "{instance}", "Workflow instances failed, by workflow and version.");

    /// <summary>Workflow instances that ran compensation.</summary>
    public static Counter<long> Compensated { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.workflows.compensated", "{instance}", "Workflow instances that started compensating, by workflow and version.");

    /// <summary>Step durations, scheduled to completed or failed.</summary>
    public static Histogram<double> StepDuration { get; } = ServerlessTelemetry.Meter.CreateHistogram<double>(
        "serverless.step.duration", "s", "Workflow step duration from scheduled to completed or failed, by workflow, step and outcome.");

    /// <summary>Approval waits, first request to decision or timeout.</summary>
    public static Histogram<double> ApprovalWait { get; } = ServerlessTelemetry.Meter.CreateHistogram<double>(
        "serverless.approval.wait", "s", "Time from an approval's first request to its decision or timeout, by workflow, step and outcome.");
}
