using System.Text.Json.Nodes;

namespace Serverless.Workflows.Parsing;

/// <summary>Placeholder until YAML support lands.</summary>
internal static class YamlSourceReader
{
    public static JsonNode? Read(string text, SourceMap map, DiagnosticBag diagnostics) => null;
}
