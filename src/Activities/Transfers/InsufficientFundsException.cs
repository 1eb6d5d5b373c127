namespace Serverless.Activities.Transfers;

/// <summary>A hold asked for more than the account has available; nothing was held.</summary>
public sealed class InsufficientFundsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InsufficientFundsException()
        : base("Insufficient funds.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public InsufficientFundsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InsufficientFundsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
