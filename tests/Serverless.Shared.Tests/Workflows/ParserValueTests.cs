using Serverless.Workflows.Diagnostics;
using static Serverless.Shared.Tests.Workflows.Definitions;

namespace Serverless.Shared.Tests.Workflows;

public class ParserValueTests
{
    [Theory]
    [InlineData("PT5")]
    [InlineData("5M")]
    [InlineData("P1M")]
    [InlineData("PT1.5M")]
    [InlineData("P")]
    public void Parse_BadDuration_ReportsInvalidDuration(string duration)
    {
        // Act
        var problem = Single(StepProblems($$"""{ "id": "a", "kind": "delay", "duration": "{{duration}}" }"""), DiagnosticCodes.InvalidDuration);

        // Assert
        Assert.Equal("$.steps[0].duration", problem.Path);
    }

    [Theory]
    [InlineData("0 0 2 * *")]
    [InlineData("61 0 2 * * *")]
    [InlineData("every night")]
    public void Parse_BadCron_ReportsInvalidCron(string cron)
    {
        // Act
        var problem = Single(StepProblems(Echo, $$""" "schedule": { "cron": "{{cron}}" } """), DiagnosticCodes.InvalidCron);

        // Assert
        Assert.Equal("$.schedule.cron", problem.Path);
    }

    [Fact]
    public void Parse_UnknownTimeZone_ReportsUnknownTimeZone()
    {
        // Act
        var problem = Single(StepProblems(Echo, """ "schedule": { "cron": "0 0 2 * * *", "timeZone": "Mars/Olympus" } """), DiagnosticCodes.UnknownTimeZone);

        // Assert
        Assert.Equal("$.schedule.timeZone", problem.Path);
    }

    [Fact]
    public void Parse_ValidSchedule_IsAccepted()
    {
        // Act
        var problems = StepProblems(Echo, """ "schedule": { "cron": "0 30 6 * * 1-5", "timeZone": "America/New_York", "missedRuns": "runAll", "maxCatchUp": 3, "overlap": "allow" } """);

        // Assert
        Valid(problems);
    }

    [Theory]
    [InlineData("input.x >")]
    [InlineData("(input.x")]
    [InlineData("input.x = 1")]
    [InlineData("unknownRoot.x == 1")]
    [InlineData("steps.a == 1")]
    public void Parse_MalformedCondition_ReportsInvalidExpression(string condition)
    {
        // Arrange
        var steps = $$"""{ "id": "s", "kind": "switch", "cases": [ { "when": "{{condition}}", "steps": [ {{Echo}} ] } ] }""";

        // Act
        var problem = Single(StepProblems(steps), DiagnosticCodes.InvalidExpression);

        // Assert
        Assert.Equal("$.steps[0].cases[0].when", problem.Path);
    }

    [Fact]
    public void Parse_MalformedTemplateInInput_ReportsInvalidExpressionAtTheString()
    {
        // Arrange
        var steps = """{ "id": "a", "kind": "activity", "activity": "echo", "input": { "x": { "y": "hello {{input.name" } } }""";

        // Act
        var problem = Single(StepProblems(steps), DiagnosticCodes.InvalidExpression);

        // Assert
        Assert.Equal("$.steps[0].input.x.y", problem.Path);
        Assert.Contains("never closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConditionWrittenAsTemplateHole_IsAccepted()
    {
        // Arrange
        var steps = $$$"""{ "id": "s", "kind": "switch", "cases": [ { "when": "{{ input.x > 1 }}", "steps": [ {{{Echo}}} ] } ] }""";

        // Act
        var problems = StepProblems(steps);

        // Assert
        Valid(problems);
    }
}
