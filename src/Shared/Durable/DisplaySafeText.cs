using System.Globalization;

namespace Serverless.Durable;

/// <summary>
/// Text that names something (ids, approvers, correlation ids) must show what it is: no control characters, no
/// invisible format characters (Unicode category Cf: bidirectional overrides and isolates, zero-width characters,
/// byte-order marks), no line or paragraph separators, and no unpaired surrogates.
/// </summary>
public static class DisplaySafeText
{
    /// <summary>Why <paramref name="text"/> is not display-safe, or null when it is.</summary>
    /// <param name="text">The text.</param>
    /// <param name="what">How to name the text in the message, e.g. "An instance id".</param>
    /// <param name="alsoRefused">Further characters the caller refuses (e.g. Table key characters).</param>
    /// <returns>A sentence naming the first offending character and its index, or null.</returns>
    public static string? Problem(string text, string what, string alsoRefused = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            var refused = alsoRefused.Contains(c, StringComparison.Ordinal);
            if (refused || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
            {
                var shown = refused ? $"'{c}'" : string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
                var kind = refused ? "" : category switch
                {
                    UnicodeCategory.Control => " (a control character)",
                    UnicodeCategory.Format => " (an invisible format character such as a bidirectional override)",
                    UnicodeCategory.Surrogate => " (an unpaired surrogate)",
                    _ => " (a line or paragraph separator)",
                };
                var rule = alsoRefused.Length > 0 ? $"{string.Join(" ", alsoRefused.ToCharArray())}, " : string.Empty;
                return $"{what} contains {shown}{kind} at index {i}; {rule}control, invisible format and separator characters are not allowed.";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="text"/> has no character <see cref="Problem"/> refuses.</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when display-safe.</returns>
    public static bool IsSafe(string text) => Problem(text, "text") is null;
}
