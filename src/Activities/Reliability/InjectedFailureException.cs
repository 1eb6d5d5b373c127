namespace Serverless.Activities.Reliability;

/// <summary>A failure requested by the input (<c>failTimes</c> / <c>failAlways</c>) to exercise retries and compensation.</summary>
public sealed class InjectedFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InjectedFailureException()
        : base("Injected failure.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public InjectedFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InjectedFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
