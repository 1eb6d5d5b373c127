using Microsoft.DurableTask;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Why a step failed, as orchestration outputs report it.</summary>
/// <param name="ErrorType">The root cause's exception type.</param>
/// <param name="Message">The root cause's message.</param>
public sealed record StepError(string ErrorType, string Message)
{
    /// <summary>The root cause of a failed task (the innermost failure the activity raised).</summary>
    /// <param name="exception">What the awaited task threw.</param>
    /// <returns>The error.</returns>
    public static StepError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is TaskFailedException failed)
        {
            var details = failed.FailureDetails;
            while (details.InnerFailure is not null && details.ErrorType == typeof(TaskFailedException).FullName)
            {
                details = details.InnerFailure;
            }

            return new StepError(details.ErrorType, details.ErrorMessage);
        }

        return new StepError(exception.GetType().FullName ?? exception.GetType().Name, exception.Message);
    }
}
