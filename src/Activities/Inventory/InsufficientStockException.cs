namespace Serverless.Activities.Inventory;

/// <summary>A reservation asked for more than is available; nothing was reserved.</summary>
public sealed class InsufficientStockException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InsufficientStockException()
        : base("Not enough stock.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public InsufficientStockException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InsufficientStockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
