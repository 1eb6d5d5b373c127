using System.Text.Json.Nodes;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Output of <see cref="FanOutFanIn"/>.</summary>
/// <param name="Succeeded">True when no more than the allowed number of items failed (and the aggregate, if any, succeeded).</param>
/// <param name="Items">Each item's result, in item order.</param>
/// <param name="Outputs">The successful outputs, in item order.</param>
/// <param name="Aggregate">The aggregate activity's output, when one was given and the run succeeded.</param>
/// <param name="Completed">Items that completed.</param>
/// <param name="Failed">Items that failed after retries.</param>
/// <param name="Skipped">Items never started because the run failed fast.</param>
/// <param name="AggregateError">Why the aggregate activity failed, if it did.</param>
public sealed record FanOutFanInOutput(
    bool Succeeded,
    IReadOnlyList<ItemOutcome> Items,
    IReadOnlyList<JsonNode?> Outputs,
    JsonNode? Aggregate,
    int Completed,
    int Failed,
    int Skipped,
    StepError? AggregateError);

/// <summary>One item's result.</summary>
/// <param name="Index">Its position in the input.</param>
/// <param name="Status"><c>completed</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="Output">Its output when completed.</param>
/// <param name="Error">Why it failed.</param>
public sealed record ItemOutcome(int Index, string Status, JsonNode? Output, StepError? Error);
