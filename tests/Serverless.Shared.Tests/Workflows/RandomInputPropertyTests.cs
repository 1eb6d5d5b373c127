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
    public bool Compile_StepShapedDefinition_EitherFailsWithDiagnosticsOrIsFullyResolved(StepShapedDefinition definition)
    {
        var result = WorkflowCompiler.Compile(definition.Value, Definitions.Options);
        if (!result.Succeeded)
            return result.Diagnostics.Count > 0;
        var graph = result.Workflow!.Graph;
        var everyGotoResolves = graph.Steps.Values.Select(l => l.Step).OfType<ActivityStep>()
            .Where(s => s.OnError == ErrorAction.Goto)
            .All(s => graph[s.Goto!].Sequence == graph[s.Id].Sequence && graph[s.Goto!].Index > graph[s.Id].Index);
        return graph.Count == CountSteps(result.Workflow.Definition.Steps) && everyGotoResolves;
    }

    [Fact]
    public void Compile_StepShapedDefinitions_MixValidAndInvalidSoThePropertiesAreNotVacuous()
    {
        // Act
        var succeeded = Enumerable.Range(0, 300).Count(seed => WorkflowCompiler.Compile(RandomDefinitionBuilder.Build(seed), Definitions.Options).Succeeded);

        // Assert
        Assert.InRange(succeeded, 15, 285);
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
