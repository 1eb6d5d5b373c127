using System.Text.Json.Nodes;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;

namespace Serverless.Workflows.Validation;

/// <summary>A definition that passed parsing and validation, with its resolved step graph. Safe to interpret.</summary>
/// <param name="Definition">The definition.</param>
/// <param name="Graph">Its step graph.</param>
/// <param name="Document">The JSON tree it was read from (the basis of its content hash).</param>
public sealed record CompiledWorkflow(WorkflowDefinition Definition, StepGraph Graph, JsonNode Document);

/// <summary>Outcome of <see cref="WorkflowCompiler.Compile"/>.</summary>
/// <param name="Workflow">The compiled workflow; null when there is any diagnostic.</param>
/// <param name="Diagnostics">Every problem found by the parser and the validator, in document order of discovery.</param>
public sealed record CompilationResult(CompiledWorkflow? Workflow, IReadOnlyList<WorkflowDiagnostic> Diagnostics)
{
    /// <summary>True when the definition is valid.</summary>
    public bool Succeeded => Workflow is not null;
}

/// <summary>Parse then validate: the one entry point publishing and the interpreter need.</summary>
public static class WorkflowCompiler
{
    /// <summary>Parses and validates a definition, collecting every problem.</summary>
    /// <param name="text">JSON or YAML source.</param>
    /// <param name="options">Registry, limits and policies.</param>
    /// <param name="format">Source format.</param>
    /// <returns>The compiled workflow or the full list of problems.</returns>
    public static CompilationResult Compile(string text, ValidationOptions? options = null, SourceFormat format = SourceFormat.Json)
    {
        options ??= new ValidationOptions();
        var parsed = WorkflowParser.Parse(text, format, options.MaxDefinitionBytes);
        if (parsed.Definition is null)
            return new CompilationResult(null, parsed.Diagnostics);
        var problems = parsed.Diagnostics.Concat(WorkflowValidator.Validate(parsed.Definition, options, parsed.SourceMap)).ToList();
        return problems.Count > 0
            ? new CompilationResult(null, problems)
            : new CompilationResult(new CompiledWorkflow(parsed.Definition, StepGraph.Build(parsed.Definition), parsed.Document!), []);
    }

    /// <summary>Parses and validates a definition, throwing when it has problems.</summary>
    /// <param name="text">JSON or YAML source.</param>
    /// <param name="options">Registry, limits and policies.</param>
    /// <param name="format">Source format.</param>
    /// <returns>The compiled workflow.</returns>
    /// <exception cref="WorkflowDefinitionException">The definition has problems; all are listed.</exception>
    public static CompiledWorkflow CompileOrThrow(string text, ValidationOptions? options = null, SourceFormat format = SourceFormat.Json)
    {
        var result = Compile(text, options, format);
        return result.Workflow ?? throw new WorkflowDefinitionException(result.Diagnostics);
    }

    /// <summary>The distinct step kinds a definition uses, nested ones included (for tools and sample checks).</summary>
    /// <param name="definition">A definition.</param>
    /// <returns>The distinct step kinds it uses, nested ones included.</returns>
    public static IReadOnlySet<StepKind> KindsUsed(WorkflowDefinition definition) =>
        StepGraph.Build(definition).Steps.Values.Select(l => l.Step.Kind).ToHashSet();
}
