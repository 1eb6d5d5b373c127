using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>The comparable part of a <see cref="TaskFailureDetails"/> chain: type and message of each level.</summary>
public sealed record FailureView(string ErrorType, string ErrorMessage, FailureView? Inner)
{
    /// <summary>Null in, null out.</summary>
    public static FailureView? Of(TaskFailureDetails? details) =>
        details is null ? null : new FailureView(details.ErrorType, details.ErrorMessage, Of(details.InnerFailure));
}
