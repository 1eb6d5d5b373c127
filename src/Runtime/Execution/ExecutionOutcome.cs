using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Serverless.Runtime.Execution;

/// <summary>How an execution ended.</summary>
/// <param name="Status">Completed, Failed, Terminated or ContinuedAsNew.</param>
/// <param name="Output">The serialized output (or terminate reason), or the new input for ContinueAsNew.</param>
/// <param name="Failure">Why it failed.</param>
internal sealed record ExecutionOutcome(OrchestrationRuntimeStatus Status, string? Output, TaskFailureDetails? Failure)
{
    /// <summary>A failure outcome from an exception.</summary>
    public static ExecutionOutcome Failed(Exception exception) =>
        new(OrchestrationRuntimeStatus.Failed, null, FailureDetails.From(exception));
}
