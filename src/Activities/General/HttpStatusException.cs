namespace Serverless.Activities.General;

/// <summary>The <c>http</c> activity's request ended with a non-success status (after any retries).</summary>
public sealed class HttpStatusException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HttpStatusException()
        : base("The HTTP request failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public HttpStatusException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HttpStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a status.</summary>
    /// <param name="status">The final status code.</param>
    /// <param name="method">The method.</param>
    /// <param name="url">The URL.</param>
    /// <param name="attempts">How many attempts were made.</param>
    public HttpStatusException(int status, string method, Uri url, int attempts)
        : base($"{method} {url.GetLeftPart(UriPartial.Path)} returned {status} after {attempts} attempt(s).") => Status = status;

    /// <summary>The final status code.</summary>
    public int Status { get; }
}
