using Azure;

namespace Serverless.Tables;

/// <summary>An entity-group transaction failed as a whole; <see cref="FailedTransactionActionIndex"/> names the culprit.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The failing sub-request's HTTP status.</param>
    /// <param name="message">The service's message.</param>
    /// <param name="errorCode">The service error code, e.g. <c>EntityAlreadyExists</c>.</param>
    /// <param name="failedTransactionActionIndex">The zero-based index of the action that failed, when the service says.</param>
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The zero-based index of the action that failed, when the service reports it.</summary>
    public int? FailedTransactionActionIndex { get; }
}
