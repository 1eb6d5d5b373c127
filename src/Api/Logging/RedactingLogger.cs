using Microsoft.Extensions.Logging;

namespace Serverless.Api.Logging;

/// <summary>A logger that masks secrets in the message, the structured values, the scope and the exception text.</summary>
/// <param name="inner">The logger that writes.</param>
/// <param name="redactor">What counts as a secret.</param>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull =>
        state.ToString() is { } text && redactor.HasSecret(text)
            ? inner.BeginScope(new RedactedState(redactor.Redact(text), []))
            : inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var redacted = redactor.Redact(message);
        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        var valuesHaveSecret = values?.Any(v => v.Value?.ToString() is { } text && redactor.HasSecret(text)) == true;
        var exceptionText = exception?.ToString();
        var exceptionHasSecret = exceptionText is not null && redactor.HasSecret(exceptionText);
        if (ReferenceEquals(redacted, message) && !valuesHaveSecret && !exceptionHasSecret)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        var safeValues = values?
            .Select(v => new KeyValuePair<string, object?>(v.Key, v.Key == "{OriginalFormat}" ? v.Value : v.Value?.ToString() is { } text ? redactor.Redact(text) : null))
            .ToList() ?? [];
        var safeException = exceptionHasSecret ? new RedactedException(exception!.GetType().FullName!, redactor.Redact(exceptionText!)) : exception;
        inner.Log(logLevel, eventId, new RedactedState(redacted, safeValues), safeException, static (s, _) => s.Message);
    }
}
