using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Templates;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Serverless.Workflows.Parsing;

/// <summary>
/// Converts YAML into the same JSON tree the JSON reader builds, recording positions. Plain scalars follow
/// the YAML 1.2 core schema (null, booleans, numbers); quoted scalars are strings. Anchors are expanded under
/// a node budget so alias bombs cannot blow up memory.
/// </summary>
internal static partial class YamlSourceReader
{
    private const int MaxNodes = 100_000;

    public static JsonNode? Read(string text, SourceMap map, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new WorkflowDiagnostic(DiagnosticCodes.Syntax, $"Invalid YAML: {e.Message}", "$", Position(e.Start)));
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            diagnostics.Add(DiagnosticCodes.Syntax, "$", $"A YAML definition must hold exactly one document, not {stream.Documents.Count}.");
            return null;
        }
        var conversion = new Conversion(map, diagnostics);
        var root = conversion.Convert(stream.Documents[0].RootNode, "$", 1);
        return conversion.Failed ? null : root;
    }

    private sealed class Conversion(SourceMap map, DiagnosticBag diagnostics)
    {
        private int _remaining = MaxNodes;

        public bool Failed { get; private set; }

        public JsonNode? Convert(YamlNode node, string path, int depth)
        {
            if (Failed)
                return null;
            if (--_remaining < 0 || depth > JsonSourceReader.MaxDepth)
            {
                diagnostics.Add(DiagnosticCodes.TooLarge, path, "The YAML expands to too many or too deeply nested nodes.");
                Failed = true;
                return null;
            }
            map.Add(path, Position(node.Start));
            return node switch
            {
                YamlMappingNode mapping => Mapping(mapping, path, depth),
                YamlSequenceNode sequence => new JsonArray(sequence.Children.Select((c, i) => Convert(c, JsonPath.Item(path, i), depth + 1)).ToArray()),
                YamlScalarNode scalar => Scalar(scalar),
                _ => null,
            };
        }

        private JsonObject Mapping(YamlMappingNode mapping, string path, int depth)
        {
            var obj = new JsonObject();
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = keyNode is YamlScalarNode { Value: { } k } ? k : keyNode.ToString();
                var childPath = JsonPath.Property(path, key);
                map.Add(childPath, Position(keyNode.Start));
                if (obj.ContainsKey(key))
                    diagnostics.Add(DiagnosticCodes.Syntax, childPath, $"Duplicate property '{key}'.");
                obj[key] = Convert(valueNode, childPath, depth + 1);
            }
            return obj;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
            return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            return JsonValue.Create(value.StartsWith('t') || value.StartsWith('T'));
        if (NumberPattern().IsMatch(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(value);
    }

    private static SourcePosition Position(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
