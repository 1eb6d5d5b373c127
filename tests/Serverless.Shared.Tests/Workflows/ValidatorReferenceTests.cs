using Serverless.Workflows.Diagnostics;
using static Serverless.Shared.Tests.Workflows.Definitions;

namespace Serverless.Shared.Tests.Workflows;

public class ValidatorReferenceTests
{
    [Fact]
    public void Validate_DuplicateStepIds_ReportsSecondOccurrence()
    {
        // Arrange
        var steps = $$"""{{Echo}}, { "id": "p", "kind": "parallel", "branches": [ { "name": "b", "steps": [ {{Echo}} ] } ] }""";

        // Act
        var problem = Single(StepProblems(steps), DiagnosticCodes.DuplicateStepId);

        // Assert
        Assert.Equal("$.steps[1].branches[0].steps[0].id", problem.Path);
        Assert.Contains("$.steps[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReferenceToMissingStep_ReportsUnknownStepReference()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "a", "kind": "activity", "activity": "echo", "input": "{{steps.ghost.output}}" }"""), DiagnosticCodes.UnknownStepReference);

        // Assert
        Assert.Equal("$.steps[0].input", problem.Path);
    }

    [Fact]
    public void Validate_ReferenceToLaterStep_ReportsStepNotYetRun()
    {
        // Arrange
        var steps = """
            { "id": "a", "kind": "activity", "activity": "echo", "input": "{{steps.b.output}}" },
            { "id": "b", "kind": "activity", "activity": "echo" }
            """;

        // Act
        var problem = Single(StepProblems(steps), DiagnosticCodes.StepNotYetRun);

        // Assert
        Assert.Equal("$.steps[0].input", problem.Path);
    }

    [Fact]
    public void Validate_ReferenceToSelfInOwnInput_ReportsStepNotYetRun()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "a", "kind": "activity", "activity": "echo", "input": "{{steps.a.output}}" }"""), DiagnosticCodes.StepNotYetRun);

        // Assert
        Assert.Equal("$.steps[0].input", problem.Path);
    }

    [Fact]
    public void Validate_ReferenceToSiblingBranch_ReportsStepNotYetRun()
    {
        // Arrange
        var steps = """
            { "id": "p", "kind": "parallel", "branches": [
              { "name": "x", "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] },
              { "name": "y", "steps": [ { "id": "b", "kind": "activity", "activity": "echo", "input": "{{steps.a.output}}" } ] } ] }
            """;

        // Act
        var problem = Single(StepProblems(steps), DiagnosticCodes.StepNotYetRun);

        // Assert
        Assert.Equal("$.steps[0].branches[1].steps[0].input", problem.Path);
    }

    [Fact]
    public void Validate_ReferenceIntoEndedForeachBody_ReportsStepNotYetRun()
    {
        // Arrange
        var steps = """
            { "id": "f", "kind": "foreach", "items": "input.list", "steps": [ { "id": "inner", "kind": "activity", "activity": "echo" } ] },
            { "id": "after", "kind": "activity", "activity": "echo", "input": "{{steps.inner.output}}" }
            """;

        // Act
        var problem = Single(StepProblems(steps), DiagnosticCodes.StepNotYetRun);

        // Assert
        Assert.Equal("$.steps[1].input", problem.Path);
    }

    [Fact]
    public void Validate_ReferencesToEarlierStepsAndCompositeOutputs_AreAccepted()
    {
        // Arrange
        var steps = """
            { "id": "a", "kind": "activity", "activity": "echo" },
            { "id": "f", "kind": "foreach", "items": "steps.a.output", "steps": [
              { "id": "x", "kind": "activity", "activity": "echo", "input": "{{item}}" },
              { "id": "y", "kind": "activity", "activity": "echo", "input": { "prev": "{{steps.x.output}}", "first": "{{steps.a.output}}", "i": "{{index}}" } } ] },
            { "id": "b", "kind": "activity", "activity": "echo", "input": "{{steps.f.output[0]}}",
              "compensate": { "activity": "echo", "input": "{{steps.b.output}}" }, "assign": { "last": "{{steps.b.output}}" } }
            """;

        // Act
        var problems = StepProblems(steps, "\"output\": \"{{steps.b.output}} {{vars.last}}\"");

        // Assert
        Valid(problems);
    }

    [Fact]
    public void Validate_LoopUntilReadsBodyStep_IsAcceptedButWhileIsNot()
    {
        // Arrange
        var steps = """
            { "id": "l", "kind": "loop", "maxIterations": 5, "until": "steps.poll.output.done", "while": "steps.poll.output == null",
              "steps": [ { "id": "poll", "kind": "activity", "activity": "echo" } ] }
            """;

        // Act
        var problem = Single(StepProblems(steps), DiagnosticCodes.StepNotYetRun);

        // Assert
        Assert.Equal("$.steps[0].while", problem.Path);
    }

    [Theory]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "echo", "input": "{{item}}" }""", "$.steps[0].input")]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "echo", "input": "{{index}}" }""", "$.steps[0].input")]
    [InlineData("""{ "id": "f", "kind": "foreach", "items": "item", "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }""", "$.steps[0].items")]
    public void Validate_ItemOrIndexOutsideTheirScope_ReportsScopeUnavailable(string step, string path)
    {
        // Act
        var problem = Single(StepProblems(step), DiagnosticCodes.ScopeUnavailable);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsAllAtOnce()
    {
        // Arrange
        var steps = """
            { "id": "a", "kind": "activity", "activity": "nope" },
            { "id": "a", "kind": "loop", "while": "true", "steps": [ { "id": "b", "kind": "delay", "duration": "soon" } ] },
            { "id": "c", "kind": "approval", "approvers": [] }
            """;

        // Act
        var codes = StepProblems(steps).Select(p => p.Code).Order().ToList();

        // Assert
        Assert.Equal([DiagnosticCodes.InvalidDuration, DiagnosticCodes.DuplicateStepId, DiagnosticCodes.UnboundedLoop, DiagnosticCodes.UnknownActivity, DiagnosticCodes.NoApprovers], codes);
    }
}
