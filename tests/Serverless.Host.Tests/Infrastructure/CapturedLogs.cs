using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Serverless.Host.Tests.Infrastructure;

/// <summary>A logger provider that keeps every line it receives: level, category, message, structured values, exception text.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();

    public IReadOnlyList<CapturedLine> Lines => [.. _lines];

    public void Clear() => _lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            lines.Enqueue(new CapturedLine(logLevel, category, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

/// <summary>One captured log line.</summary>
public sealed record CapturedLine(LogLevel Level, string Category, string Message, string Values, string? Exception)
{
    /// <summary>Everything the line carries, for searching.</summary>
    public string AllText => $"{Category} {Message} {Values} {Exception}";
}
