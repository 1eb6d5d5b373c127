namespace Serverless.Api.Metrics;

/// <summary>Metrics of one workflow over its most recent instances.</summary>
/// <param name="Workflow">The workflow name.</param>
/// <param name="Instances">Instances looked at.</param>
/// <param name="Running">Of those, still running, pending or suspended.</param>
/// <param name="Completed">Completed.</param>
/// <param name="Failed">Failed or terminated.</param>
/// <param name="SuccessRate">Completed / finished, or null when none finished.</param>
/// <param name="AverageDurationSeconds">Mean start-to-finish time of finished instances.</param>
/// <param name="P95DurationSeconds">95th percentile (nearest rank) of the same.</param>
/// <param name="RetryRate">Share of instances that retried at least one step.</param>
/// <param name="CompensationRate">Share of instances that ran compensation.</param>
/// <param name="SlowestStep">The step with the highest mean duration, if any step completed.</param>
public sealed record WorkflowMetrics(
    string Workflow, int Instances, int Running, int Completed, int Failed, double? SuccessRate,
    double? AverageDurationSeconds, double? P95DurationSeconds, double? RetryRate, double? CompensationRate, StepTiming? SlowestStep);

/// <summary>Mean duration of one step.</summary>
/// <param name="Step">The step id.</param>
/// <param name="AverageSeconds">Mean scheduled-to-completed time.</param>
/// <param name="Samples">How many completions were measured.</param>
public sealed record StepTiming(string Step, double AverageSeconds, int Samples);
