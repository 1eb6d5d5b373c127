using Microsoft.DurableTask;

namespace Serverless.Runtime.Execution;

/// <summary>
/// Failure details as Durable Task's worker records them: the exception's full type name, message and stack,
/// with the inner exception as the inner failure; a <see cref="TaskFailedException"/> re-thrown by an
/// orchestrator keeps the failed task's own details as its inner failure, so the cause is never lost.
/// </summary>
internal static class FailureDetails
{
    /// <summary>Captures <paramref name="exception"/> and its causes.</summary>
    public static TaskFailureDetails From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception is TaskFailedException taskFailed
            ? taskFailed.FailureDetails
            : exception.InnerException is { } cause ? From(cause) : null;
        return new TaskFailureDetails(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace, inner, null);
    }
}
