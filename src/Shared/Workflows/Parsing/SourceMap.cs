using Serverless.Workflows.Diagnostics;

namespace Serverless.Workflows.Parsing;

/// <summary>Maps JSON paths of a parsed document to their line and column in the source text.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    /// <summary>A map that knows no positions (for definitions built in code).</summary>
    public static SourceMap Empty { get; } = new();

    internal void Add(string path, SourcePosition position) => _positions.TryAdd(path, position);

    /// <summary>Finds the position of a path, or of its nearest ancestor that has one.</summary>
    /// <param name="path">A JSON path such as <c>$.steps[1].input</c>.</param>
    /// <returns>The position, or null when nothing on the path is known.</returns>
    public SourcePosition? Find(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_positions.TryGetValue(current, out var position))
                return position;
            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
                break;
            current = current[..cut];
        }
        return null;
    }
}
