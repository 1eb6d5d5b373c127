using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;

namespace Serverless.Orchestrations.Workflows;

/// <summary>
/// The state a workflow instance carries into its next execution when a top-level loop continues as new:
/// everything the remaining steps, the compensation stack and the event stream need, and nothing else.
/// </summary>
public sealed record WorkflowContinuation
{
    /// <summary>Index of the top-level loop step to resume.</summary>
    public required int ResumeAt { get; init; }

    /// <summary>The loop iteration to run next.</summary>
    public required int LoopIteration { get; init; }

    /// <summary>The output of the loop's last finished iteration.</summary>
    public JsonNode? LoopOutput { get; init; }

    /// <summary>Top-level step results so far (the loop body's latest included).</summary>
    public required IReadOnlyDictionary<string, StepResult> Steps { get; init; }

    /// <summary>Workflow variables.</summary>
    public required IReadOnlyDictionary<string, JsonNode?> Vars { get; init; }

    /// <summary>Compensations registered so far, in completion order.</summary>
    public required IReadOnlyList<CompensationEntry> Compensations { get; init; }

    /// <summary>Steps finished so far.</summary>
    public required int StepsCompleted { get; init; }

    /// <summary>Sequence number of the next domain event.</summary>
    public required long NextEventSequence { get; init; }

    /// <summary>When the first execution started (the definition timeout counts from here).</summary>
    public required DateTime StartedAt { get; init; }

    /// <summary>How many executions came before this one.</summary>
    public required int Generation { get; init; }
}

/// <summary>A registered compensation: the step it undoes and the activity call, input already evaluated.</summary>
/// <param name="StepId">The completed step.</param>
/// <param name="Activity">The compensating activity.</param>
/// <param name="Input">Its input, evaluated when the step completed (it may read the step's own output).</param>
public sealed record CompensationEntry(string StepId, string Activity, JsonNode? Input)
{
    /// <summary>Why the input could not be evaluated, if it could not; the compensation is then reported as failed.</summary>
    public string? InputError { get; init; }
}
