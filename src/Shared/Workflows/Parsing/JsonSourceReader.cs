using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Parsing;

/// <summary>
/// Reads JSON text into a <see cref="JsonNode"/> tree plus a <see cref="SourceMap"/>. A first pass with
/// <see cref="Utf8JsonReader"/> records positions and rejects duplicate keys; any syntax error becomes one diagnostic.
/// </summary>
internal static class JsonSourceReader
{
    public const int MaxDepth = 64;

    public static JsonNode? Read(string text, SourceMap map, DiagnosticBag diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineIndex(bytes);
        try
        {
            if (!MapPositions(bytes, lines, map, diagnostics))
                return null;
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var position = JsonSyntaxError.Position(e, bytes) is { } at ? new SourcePosition(at.Line, at.Column) : (SourcePosition?)null;
            diagnostics.Add(new WorkflowDiagnostic(DiagnosticCodes.Syntax, $"Invalid JSON: {JsonSyntaxError.Reason(e)}", e.Path is { Length: > 1 } path ? path : "$", position));
            return null;
        }
    }

    private static bool MapPositions(byte[] bytes, LineIndex lines, SourceMap map, DiagnosticBag diagnostics)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
        var stack = new Stack<Frame>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            var position = lines.Locate((int)reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var frame = stack.Peek();
                var name = reader.GetString()!;
                pendingProperty = JsonPath.Property(frame.Path, name);
                if (!frame.Keys!.Add(name))
                {
                    diagnostics.Add(new WorkflowDiagnostic(DiagnosticCodes.Syntax, $"Duplicate property '{name}'.", pendingProperty, position));
                    return false;
                }
                map.Add(pendingProperty, position);
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }
            var path = pendingProperty ?? (stack.TryPeek(out var parent) ? JsonPath.Item(parent.Path, parent.NextIndex++) : "$");
            pendingProperty = null;
            map.Add(path, position);
            if (reader.TokenType == JsonTokenType.StartObject)
                stack.Push(new Frame(path, new HashSet<string>(StringComparer.Ordinal)));
            else if (reader.TokenType == JsonTokenType.StartArray)
                stack.Push(new Frame(path, null));
        }
        return true;
    }

    private sealed class Frame(string path, HashSet<string>? keys)
    {
        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = keys;

        public int NextIndex { get; set; }
    }
}
