using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Serverless.Secrets;

/// <summary>
/// The text of a secret reference, <c>{{secrets.NAME}}</c>, as it travels in an activity's input until the activity
/// runs. The workflow interpreter writes it in this canonical form; spaces inside the braces are tolerated for inputs
/// written by hand (a code-first orchestrator). The same pattern decides what the interpreter counts and what the
/// activity side resolves, so the two never disagree.
/// </summary>
public static partial class SecretReference
{
    /// <summary>The expression root a reference starts with.</summary>
    public const string Root = "secrets";

    /// <summary>The canonical reference text for a secret.</summary>
    /// <param name="name">The secret's name.</param>
    /// <returns><c>{{secrets.NAME}}</c>.</returns>
    public static string Format(string name) => "{{" + Root + "." + name + "}}";

    /// <summary>Whether a string holds at least one reference (a cheap test before <see cref="Matches"/>).</summary>
    /// <param name="text">Any text.</param>
    /// <returns>True when it contains a reference.</returns>
    public static bool Contains(string text) =>
        text.Contains(Root, StringComparison.Ordinal) && text.Contains("{{", StringComparison.Ordinal) && Pattern().IsMatch(text);

    /// <summary>Every reference in a string; group <c>name</c> holds the secret's name (not yet checked by <see cref="SecretName.IsValid"/>).</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The matches, in order.</returns>
    public static MatchCollection Matches(string text) => Pattern().Matches(text);

    /// <summary>Replaces every reference in a string.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="replace">Maps a secret's name to its replacement.</param>
    /// <returns>The text with each reference replaced.</returns>
    public static string Replace(string text, Func<string, string> replace)
    {
        ArgumentNullException.ThrowIfNull(replace);
        return Contains(text) ? Pattern().Replace(text, m => replace(m.Groups["name"].Value)) : text;
    }

    /// <summary>Counts the references in every string of a JSON tree (property names included).</summary>
    /// <param name="node">A JSON tree.</param>
    /// <returns>How many references it holds.</returns>
    public static int Count(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Sum(p => CountIn(p.Key) + Count(p.Value)),
        JsonArray array => array.Sum(Count),
        JsonValue value when value.TryGetValue<string>(out var text) => CountIn(text),
        _ => 0,
    };

    private static int CountIn(string text) => Contains(text) ? Pattern().Count(text) : 0;

    [GeneratedRegex(@"\{\{\s*secrets\s*\.\s*(?<name>[A-Za-z0-9_]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
