using System.Text.Json.Nodes;
using Microsoft.DurableTask;

namespace Serverless.Orchestrations.Workflows;

/// <summary>A step failed after its own retries, fallback and error policy; composite steps pass it up.</summary>
public sealed class StepFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stepId">The step that failed.</param>
    /// <param name="message">Why.</param>
    /// <param name="errorType">The underlying error type (activity exception type, timeout, expression...).</param>
    /// <param name="inner">The underlying exception.</param>
    public StepFailedException(string stepId, string message, string errorType, Exception? inner = null)
        : base($"Step '{stepId}' failed: {message}", inner)
    {
        StepId = stepId;
        Reason = message;
        ErrorType = errorType;
    }

    /// <summary>The step that failed.</summary>
    public string StepId { get; }

    /// <summary>Why, without the step prefix.</summary>
    public string Reason { get; }

    /// <summary>The underlying error type.</summary>
    public string ErrorType { get; }

    /// <summary>The error as expressions read it (<c>steps.&lt;id&gt;.error</c>).</summary>
    public JsonObject ToJson() => new() { ["step"] = StepId, ["type"] = ErrorType, ["message"] = Reason };

    /// <summary>Wraps what an awaited task or evaluation threw as the failure of <paramref name="stepId"/>.</summary>
    /// <param name="stepId">The step.</param>
    /// <param name="exception">What was thrown.</param>
    /// <returns>The step failure (the same instance when it already is one).</returns>
    public static StepFailedException From(string stepId, Exception exception) => exception switch
    {
        StepFailedException step => step,
        TaskFailedException task => new StepFailedException(
            stepId, Innermost(task.FailureDetails).ErrorMessage, Innermost(task.FailureDetails).ErrorType, task),
        _ => new StepFailedException(stepId, exception.Message, exception.GetType().Name, exception),
    };

    private static TaskFailureDetails Innermost(TaskFailureDetails details)
    {
        // A failed sub-workflow wraps its own step failure; report the root cause.
        while (details.InnerFailure is { } inner && details.ErrorType == typeof(TaskFailedException).FullName)
            details = inner;
        return details;
    }
}
