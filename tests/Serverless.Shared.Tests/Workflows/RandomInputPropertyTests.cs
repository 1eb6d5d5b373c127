using System.Text.Json.Nodes;
using FsCheck.Xunit;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Templates;
using Serverless.Workflows.Validation;

namespace Serverless.Shared.Tests.Workflows;

/// <summary>
/// Hostile input never escapes as anything but our own exceptions, and every call returns (the test run
/// finishing is the termination check; evaluation budgets and depth limits make it hold).
/// </summary>
[Properties(Arbitrary = [typeof(RandomInputGenerators)], MaxTest = 300)]
public class RandomInputPropertyTests
{
    private static readonly EvaluationScope Scope = ExpressionEvaluationTests.Scope with
    {
        Steps = new Dictionary<string, StepResult> { ["a"] = new(JsonNode.Parse("""{ "x": [1, "two", null] }""")) },
    };

    [Property]
    public bool ExpressionParse_RandomCharacters_ThrowsOnlySyntaxException(string? text) =>
        text is null || ThrowsOnly<ExpressionSyntaxException>(() => Expression.Parse(text));

    [Property]
    public bool ExpressionEvaluate_RandomTokens_ThrowsOnlyExpressionExceptions(ExpressionText text) =>
        ThrowsOnly<ExpressionException>(() => Expression.Parse(text.Value).Evaluate(Scope));

    [Property]
    public bool TemplateEvaluate_RandomTokens_ThrowsOnlyExpressionExceptions(ExpressionText text) =>
        ThrowsOnly<ExpressionException>(() => StringTemplate.Parse("x {{" + text.Value + "}} y").Evaluate(Scope));

    [Property]
    public bool IsoDurationTryParse_RandomText_NeverThrows(string? text)
    {
        var parsed = IsoDuration.TryParse(text, out var value);
        return !parsed || (value >= TimeSpan.Zero && value <= IsoDuration.Maximum);
    }

    [Property]
    public bool Compile_RandomText_ReturnsDiagnosticsWithoutThrowing(string? text) =>
        text is null || !WorkflowCompiler.Compile(text).Succeeded || text.Contains("steps", StringComparison.Ordinal);

    [Property]
    public bool Compile_RandomDefinitionShapedJson_ReturnsResultWithoutThrowing(DefinitionText text)
    {
        var result = WorkflowCompiler.Compile(text.Value, Definitions.Options);
        return result.Succeeded ? result.Diagnostics.Count == 0 : result.Diagnostics.Count > 0;
    }

    [Property]
    public bool Compile_ValidRandomDefinition_GraphHasEveryStep(DefinitionText text)
    {
        var result = WorkflowCompiler.Compile(text.Value, Definitions.Options);
        return !result.Succeeded || result.Workflow!.Graph.Count == CountSteps(result.Workflow.Definition.Steps);
    }

    private static int CountSteps(IEnumerable<WorkflowStep> steps) =>
        steps.Sum(s => 1 + s.Children.Sum(c => CountSteps(c.Steps)));

    private static bool ThrowsOnly<TException>(Action action)
        where TException : Exception
    {
        try
        {
            action();
            return true;
        }
        catch (TException)
        {
            return true;
        }
    }
}
