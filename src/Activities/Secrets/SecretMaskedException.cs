namespace Serverless.Activities.Secrets;

/// <summary>
/// Stands in for an activity's failure whose message held a secret value and whose type cannot be created again with
/// the masked message; <see cref="OriginalType"/> names what was thrown.
/// </summary>
public sealed class SecretMaskedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecretMaskedException()
        : this("The activity failed; its message held a secret value.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The masked message.</param>
    public SecretMaskedException(string message)
        : base(message) => OriginalType = typeof(Exception).FullName!;

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The masked message.</param>
    /// <param name="innerException">The masked cause.</param>
    public SecretMaskedException(string message, Exception innerException)
        : base(message, innerException) => OriginalType = typeof(Exception).FullName!;

    /// <summary>Creates the exception for a failure of another type.</summary>
    /// <param name="originalType">The full name of the type the activity threw.</param>
    /// <param name="message">The masked message.</param>
    /// <param name="innerException">The masked cause, if any.</param>
    public SecretMaskedException(string originalType, string message, Exception? innerException)
        : base($"{originalType}: {message}", innerException) => OriginalType = originalType;

    /// <summary>The full name of the type the activity threw.</summary>
    public string OriginalType { get; }
}
