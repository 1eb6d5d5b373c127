using Microsoft.Extensions.Logging;

namespace Serverless.Api.Logging;

/// <summary>
/// Wraps the host's logger factory so that every logger it hands out, to ASP.NET Core's hosting, routing and Kestrel,
/// to HttpClient, the durable runtime and our own code, writes no secret: each line is checked by the
/// <see cref="SecretRedactor"/> before any provider sees it, at every level.
/// </summary>
/// <param name="inner">The factory that owns the providers and filters.</param>
/// <param name="redactor">What counts as a secret.</param>
public sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();
}
