using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;

namespace Serverless.Workflows.Validation;

/// <summary>
/// Semantic validation of a parsed definition. Returns every problem at once, each with a stable code,
/// JSON path and (given a <see cref="SourceMap"/>) line and column. Never throws for a bad definition.
/// </summary>
public sealed partial class WorkflowValidator
{
    private readonly WorkflowDefinition _definition;
    private readonly ValidationOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, WorkflowStep> _allSteps = new(StringComparer.Ordinal);

    private WorkflowValidator(WorkflowDefinition definition, ValidationOptions options, SourceMap map)
    {
        _definition = definition;
        _options = options;
        _diagnostics = new DiagnosticBag(map);
    }

    /// <summary>Validates a definition.</summary>
    /// <param name="definition">The parsed definition.</param>
    /// <param name="options">Registry, limits and policies.</param>
    /// <param name="sourceMap">Positions of the source, to add line and column to messages.</param>
    /// <returns>Every problem found; empty when the definition is valid.</returns>
    public static IReadOnlyList<WorkflowDiagnostic> Validate(WorkflowDefinition definition, ValidationOptions? options = null, SourceMap? sourceMap = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var validator = new WorkflowValidator(definition, options ?? new ValidationOptions(), sourceMap ?? SourceMap.Empty);
        validator.Run();
        return validator._diagnostics.Items;
    }

    private void Run()
    {
        var top = new StepSequence("$.steps", _definition.Steps);
        CollectSteps(top, 1);
        if (CountSteps(_definition.Steps) is var count && count > _options.MaxSteps)
            _diagnostics.Add(DiagnosticCodes.TooManySteps, "$.steps", $"The definition has {count} steps; at most {_options.MaxSteps} are allowed.");
        CheckPolicies();
        var scope = ReferenceScope.Root;
        foreach (var template in _definition.Vars.Values)
            CheckTemplate(template, scope);
        WalkSequence(top, scope);
        var afterAll = scope.WithVisible(_definition.Steps.Select(s => s.Id));
        if (_definition.Output is { } output)
            CheckTemplate(output, afterAll);
        if (_definition.Schedule?.Input is { } scheduleInput)
            CheckTemplate(scheduleInput, scope);
    }

    private void CollectSteps(StepSequence sequence, int depth)
    {
        foreach (var step in sequence.Steps)
        {
            if (step.Id.Length > 0 && !_allSteps.TryAdd(step.Id, step))
                _diagnostics.Add(DiagnosticCodes.DuplicateStepId, step.Path + ".id",
                    $"Step id '{step.Id}' is already used by the step at {_allSteps[step.Id].Path}.");
            // Reported once per subtree, at the first level that is too deep.
            if (depth == _options.MaxNestingDepth + 1)
                _diagnostics.Add(DiagnosticCodes.NestingTooDeep, step.Path,
                    $"Step '{step.Id}' is nested {depth} levels deep; at most {_options.MaxNestingDepth} are allowed.");
            foreach (var child in step.Children)
                CollectSteps(child, depth + 1);
        }
    }

    private static int CountSteps(IEnumerable<WorkflowStep> steps) =>
        steps.Sum(s => 1 + s.Children.Sum(c => CountSteps(c.Steps)));
}
