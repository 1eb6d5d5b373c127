using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Validation;
using static Serverless.Shared.Tests.Workflows.Definitions;

namespace Serverless.Shared.Tests.Workflows;

public class ValidatorStepRuleTests
{
    private const string GotoSteps = """
        { "id": "a", "kind": "activity", "activity": "echo" },
        { "id": "b", "kind": "activity", "activity": "echo", "onError": "goto", "goto": "TARGET" },
        { "id": "c", "kind": "activity", "activity": "echo" },
        { "id": "p", "kind": "parallel", "branches": [ { "name": "x", "steps": [ { "id": "inner", "kind": "activity", "activity": "echo" } ] } ] }
        """;

    [Fact]
    public void Validate_GotoForwardInSameSequence_IsAccepted()
    {
        // Act
        var problems = StepProblems(GotoSteps.Replace("TARGET", "c", StringComparison.Ordinal));

        // Assert
        Valid(problems);
    }

    [Theory]
    [InlineData("ghost", DiagnosticCodes.GotoTargetNotFound)]
    [InlineData("inner", DiagnosticCodes.GotoTargetNotFound)]
    [InlineData("a", DiagnosticCodes.GotoCycle)]
    [InlineData("b", DiagnosticCodes.GotoCycle)]
    public void Validate_GotoOutsideSequenceOrBackwards_IsRejected(string target, string code)
    {
        // Act
        var problem = Single(StepProblems(GotoSteps.Replace("TARGET", target, StringComparison.Ordinal)), code);

        // Assert
        Assert.Equal("$.steps[1].goto", problem.Path);
    }

    [Fact]
    public void Validate_OnErrorGotoWithoutTarget_ReportsMissingProperty()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "a", "kind": "activity", "activity": "echo", "onError": "goto" }"""), DiagnosticCodes.MissingProperty);

        // Assert
        Assert.Equal("$.steps[0].goto", problem.Path);
    }

    [Theory]
    [InlineData("", "$.steps[0].maxIterations")]
    [InlineData("\"maxIterations\": 1000000,", "$.steps[0].maxIterations")]
    public void Validate_LoopWithoutCapOrAboveLimit_ReportsUnboundedLoop(string cap, string path)
    {
        // Arrange
        var step = $$"""{ "id": "l", "kind": "loop", {{cap}} "while": "true", "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }""";

        // Act
        var problem = Single(StepProblems(step), DiagnosticCodes.UnboundedLoop);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Validate_LoopWithoutCondition_ReportsMissingProperty()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "l", "kind": "loop", "maxIterations": 3, "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }"""), DiagnosticCodes.MissingProperty);

        // Assert
        Assert.Equal("$.steps[0]", problem.Path);
    }

    [Theory]
    [InlineData("""{ "id": "p", "kind": "parallel", "branches": [ { "name": "x", "steps": [] } ] }""", "$.steps[0].branches[0].steps")]
    [InlineData("""{ "id": "p", "kind": "parallel", "branches": [] }""", "$.steps[0].branches")]
    [InlineData("""{ "id": "s", "kind": "switch", "cases": [] }""", "$.steps[0].cases")]
    [InlineData("""{ "id": "f", "kind": "foreach", "items": "input.x", "steps": [] }""", "$.steps[0].steps")]
    public void Validate_EmptyStepList_ReportsEmptySteps(string step, string path)
    {
        // Act
        var problem = Single(StepProblems(step), DiagnosticCodes.EmptySteps);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Validate_DuplicateBranchNames_ReportsDuplicateName()
    {
        // Arrange
        var step = """
            { "id": "p", "kind": "parallel", "branches": [
              { "name": "x", "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] },
              { "name": "x", "steps": [ { "id": "b", "kind": "activity", "activity": "echo" } ] } ] }
            """;

        // Act
        var problem = Single(StepProblems(step), DiagnosticCodes.DuplicateName);

        // Assert
        Assert.Equal("$.steps[0].branches", problem.Path);
    }

    [Fact]
    public void Validate_StepsNestedTooDeep_ReportsNestingTooDeep()
    {
        // Arrange
        var step = """{ "id": "leaf", "kind": "activity", "activity": "echo" }""";
        for (var i = 0; i < 4; i++)
            step = $$"""{ "id": "l{{i}}", "kind": "loop", "maxIterations": 2, "while": "true", "steps": [ {{step}} ] }""";
        var options = Options with { MaxNestingDepth = 3 };

        // Act
        var problem = Single(StepProblems(step, options: options), DiagnosticCodes.NestingTooDeep);

        // Assert
        Assert.Equal("$.steps[0].steps[0].steps[0].steps[0]", problem.Path);
        Assert.Contains("nested 4 levels deep", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreStepsThanAllowed_ReportsTooManySteps()
    {
        // Arrange
        var steps = string.Join(",", Enumerable.Range(0, 6).Select(i => $$"""{ "id": "s{{i}}", "kind": "activity", "activity": "echo" }"""));

        // Act
        var problem = Single(StepProblems(steps, options: Options with { MaxSteps = 5 }), DiagnosticCodes.TooManySteps);

        // Assert
        Assert.Contains("6 steps", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WorkflowCallingItself_ReportsWorkflowCycle()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "w", "kind": "workflow", "workflow": "t", "version": 1 }"""), DiagnosticCodes.WorkflowCycle);

        // Assert
        Assert.Equal("$.steps[0].workflow", problem.Path);
    }

    [Fact]
    public void Validate_CycleThroughCatalog_ReportsWorkflowCycleWithChain()
    {
        // Arrange
        var child = WorkflowParser.Parse("""{ "name": "child", "version": 2, "steps": [ { "id": "back", "kind": "workflow", "workflow": "t", "version": 1 } ] }""").Definition!;
        var options = Options with { ResolveWorkflow = (n, v) => n == "child" && v == 2 ? child : null };

        // Act
        var problem = Single(StepProblems("""{ "id": "w", "kind": "workflow", "workflow": "child", "version": 2 }""", options: options), DiagnosticCodes.WorkflowCycle);

        // Assert
        Assert.Contains("t -> child -> t", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnpublishedSubWorkflow_ReportsUnknownWorkflow()
    {
        // Arrange
        var options = Options with { ResolveWorkflow = (_, _) => null };

        // Act
        var problem = Single(StepProblems("""{ "id": "w", "kind": "workflow", "workflow": "child", "version": 3 }""", options: options), DiagnosticCodes.UnknownWorkflow);

        // Assert
        Assert.Contains("version 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DelayWithBothDurationAndUntil_ReportsMissingProperty()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "d", "kind": "delay", "duration": "PT1M", "until": "{{input.at}}" }"""), DiagnosticCodes.MissingProperty);

        // Assert
        Assert.Contains("exactly one", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultsOnly_DoNotNeedARegistry()
    {
        // Act
        var problems = WorkflowCompiler.Compile(With("""{ "id": "a", "kind": "activity", "activity": "anything" }""")).Diagnostics;

        // Assert
        Valid(problems);
    }
}
