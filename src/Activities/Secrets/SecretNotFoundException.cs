namespace Serverless.Activities.Secrets;

/// <summary>
/// An activity's input names a secret that is not configured (removed after the definition was published, or a
/// malformed name in hand-written input). The activity is not run; the message names the secret, never a value.
/// </summary>
public sealed class SecretNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecretNotFoundException()
        : base("A secret the activity's input references is not configured.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SecretNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SecretNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
