using System.Text.Json.Nodes;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Output of <see cref="SequentialChain"/>.</summary>
/// <param name="Succeeded">True when every step completed.</param>
/// <param name="Output">The last completed step's output.</param>
/// <param name="Steps">Each step that ran, in order; steps after a failure are not run and not listed.</param>
/// <param name="FailedStep">The step that failed, if any.</param>
public sealed record SequentialChainOutput(bool Succeeded, JsonNode? Output, IReadOnlyList<StepOutcome> Steps, string? FailedStep);

/// <summary>What one step did.</summary>
/// <param name="Name">The step.</param>
/// <param name="Succeeded">True when it completed.</param>
/// <param name="Output">Its output when it completed.</param>
/// <param name="Error">Why it failed, after retries.</param>
public sealed record StepOutcome(string Name, bool Succeeded, JsonNode? Output, StepError? Error);
