using System.Text.RegularExpressions;

namespace Serverless.Workflows.Templates;

/// <summary>Builds the JSON paths used in diagnostics: <c>$.steps[0].input.x</c> or <c>$.vars['odd key']</c>.</summary>
public static partial class JsonPath
{
    /// <summary>Appends a property name to a path, quoting it when it is not a plain identifier.</summary>
    /// <param name="path">The parent path.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The child path.</returns>
    public static string Property(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>Appends an array index to a path.</summary>
    /// <param name="path">The parent path.</param>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The child path.</returns>
    public static string Item(string path, int index) => $"{path}[{index}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
