namespace Serverless.Functions.Tests.Guards;

/// <summary>
/// The C# files of <c>src/Functions</c> (build output excluded), keyed by path relative to that folder.
/// Immutable: <see cref="With"/> and <see cref="Without"/> return edited copies, so a test can remove
/// or misspell a binding in memory and show that a guard reports it.
/// </summary>
internal sealed class FunctionsSource
{
    private FunctionsSource(IReadOnlyDictionary<string, string> files) => Files = files;

    /// <summary>Relative path (forward slashes) to file text.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Reads the files as they are on disk.</summary>
    public static FunctionsSource Load()
    {
        var root = Path.Combine(RepositoryRoot.Path, "src", "Functions");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .ToDictionary(relative => relative, relative => File.ReadAllText(Path.Combine(root, relative)), StringComparer.Ordinal);
        return new FunctionsSource(files);
    }

    /// <summary>A copy in which the one occurrence of <paramref name="oldText"/> in <paramref name="file"/> is replaced.</summary>
    /// <exception cref="ArgumentException">The text does not occur exactly once (the edit would not test what it claims).</exception>
    public FunctionsSource With(string file, string oldText, string newText)
    {
        var text = Files[file];
        var first = text.IndexOf(oldText, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(oldText, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{oldText}' must occur exactly once in {file}.", nameof(oldText));
        }

        var files = new Dictionary<string, string>(Files, StringComparer.Ordinal) { [file] = string.Concat(text.AsSpan(0, first), newText, text.AsSpan(first + oldText.Length)) };
        return new FunctionsSource(files);
    }

    /// <summary>A copy with one more file.</summary>
    public FunctionsSource WithFile(string file, string text) =>
        new(new Dictionary<string, string>(Files, StringComparer.Ordinal) { [file] = text });
}
