namespace Serverless.Orchestrations.CodeFirst;

/// <summary>The custom status the code-first orchestrators publish, so clients can follow a run.</summary>
/// <param name="Phase">E.g. <c>running</c>, <c>compensating</c>, <c>waiting</c>, <c>completed</c>, <c>failed</c>.</param>
/// <param name="CurrentStep">The step in progress, if any.</param>
/// <param name="StepsCompleted">Steps completed so far.</param>
/// <param name="TotalSteps">Steps in the run.</param>
public sealed record OrchestrationProgress(string Phase, string? CurrentStep, int StepsCompleted, int TotalSteps);
