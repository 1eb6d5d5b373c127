namespace Serverless.Orchestrations.Workflows;

/// <summary>
/// The workflow failed: a step failed without a handler (after compensation when the definition compensates),
/// the input did not fit the schema, or the definition timed out. The instance ends Failed with this message.
/// </summary>
public sealed class WorkflowFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the step.</param>
    /// <param name="failedStep">The step that failed, if a step did.</param>
    /// <param name="inner">The step failure.</param>
    public WorkflowFailedException(string message, string? failedStep = null, Exception? inner = null)
        : base(message, inner)
    {
        FailedStep = failedStep;
    }

    /// <summary>The step that failed, if a step did.</summary>
    public string? FailedStep { get; }
}
