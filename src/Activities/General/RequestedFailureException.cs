namespace Serverless.Activities.General;

/// <summary>The failure the <c>fail</c> activity raises; its message starts with the error type when one was given.</summary>
public sealed class RequestedFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RequestedFailureException()
        : this("The workflow asked this step to fail.", (string?)null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public RequestedFailureException(string message)
        : this(message, (string?)null)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RequestedFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and an error type.</summary>
    /// <param name="message">The message.</param>
    /// <param name="errorType">The error type, or null.</param>
    public RequestedFailureException(string message, string? errorType)
        : base(string.IsNullOrWhiteSpace(errorType) ? message : $"{errorType}: {message}") => ErrorType = errorType;

    /// <summary>The error type the workflow gave, if any.</summary>
    public string? ErrorType { get; }
}
