using System.Text.Json.Nodes;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;

namespace Serverless.Workflows.Parsing;

/// <summary>
/// What the parser produced. <see cref="Definition"/> is present whenever the text held a JSON object, even
/// with errors (missing parts become placeholders), so the validator can still report every other problem;
/// only a result without diagnostics is safe to run.
/// </summary>
/// <param name="Definition">The model, possibly with placeholders when <paramref name="Diagnostics"/> is not empty.</param>
/// <param name="Document">The JSON tree the model was read from (YAML is converted to the same tree).</param>
/// <param name="SourceMap">Positions of the tree's paths in the source text.</param>
/// <param name="Diagnostics">Every structural problem found.</param>
public sealed record ParseResult(WorkflowDefinition? Definition, JsonNode? Document, SourceMap SourceMap, IReadOnlyList<WorkflowDiagnostic> Diagnostics);

/// <summary>Source formats the parser reads.</summary>
public enum SourceFormat
{
    /// <summary>JSON text.</summary>
    Json,

    /// <summary>YAML text (a JSON-compatible subset: mappings, sequences, scalars).</summary>
    Yaml,
}
