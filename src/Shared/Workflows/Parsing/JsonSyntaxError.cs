using System.Text;
using System.Text.Json;

namespace Serverless.Workflows.Parsing;

/// <summary>
/// Turns System.Text.Json's syntax error into what a person editing the text needs: the 1-based line and column (in
/// characters, not bytes), the JSON path when there is one, and the reason, without the reader's zero-based position
/// suffix or its advice to change reader options (which a caller of our API cannot do).
/// </summary>
public static class JsonSyntaxError
{
    /// <summary>The 1-based line and character column of the error, or null when the reader gave no position.</summary>
    /// <param name="error">The reader's exception.</param>
    /// <param name="utf8">The text that was read, as UTF-8.</param>
    /// <returns>Line and column, both from 1.</returns>
    public static (int Line, int Column)? Position(JsonException error, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.LineNumber is not { } zeroBasedLine)
        {
            return null;
        }

        var lineStart = 0;
        for (var line = 0L; line < zeroBasedLine && lineStart < utf8.Length; line++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? utf8.Length : lineStart + next + 1;
        }

        var bytesIn = (int)Math.Min(error.BytePositionInLine ?? 0, utf8.Length - lineStart);
        return ((int)zeroBasedLine + 1, Encoding.UTF8.GetCharCount(utf8.Slice(lineStart, bytesIn)) + 1);
    }

    /// <summary>The reason alone: the reader's message without its position suffix or reader-options advice.</summary>
    /// <param name="error">The reader's exception.</param>
    /// <returns>The reason.</returns>
    public static string Reason(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
        }

        var sentences = message.Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim().TrimEnd('.'))
            .Where(s => !s.Contains("reader options", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Replace(" which is not supported in this mode", string.Empty, StringComparison.Ordinal));
        var reason = string.Join(". ", sentences);
        return reason.Length == 0 ? "The text is not valid JSON." : reason + ".";
    }

    /// <summary>One sentence for a person: where (line, column, path) and why.</summary>
    /// <param name="error">The reader's exception.</param>
    /// <param name="text">The text that was read.</param>
    /// <returns>E.g. <c>Line 2, column 14 (at $.amount): '}' is an invalid start of a value.</c></returns>
    public static string Describe(JsonException error, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = Position(error, Encoding.UTF8.GetBytes(text));
        var where = position is { } p ? $"Line {p.Line}, column {p.Column}" : "Somewhere";
        var path = error.Path is { Length: > 1 } at ? $" (at {at})" : string.Empty;
        return $"{where}{path}: {Reason(error)}";
    }
}
