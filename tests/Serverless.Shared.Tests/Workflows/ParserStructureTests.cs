using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;
using static Serverless.Shared.Tests.Workflows.Definitions;

namespace Serverless.Shared.Tests.Workflows;

public class ParserStructureTests
{
    [Fact]
    public void Parse_MalformedJson_ReportsSyntaxWithLineAndColumn()
    {
        // Arrange
        var json = "{\n  \"name\": \"t\",\n  \"version\": 1,\n  \"steps\": [ }\n}";

        // Act
        var problem = Single(Problems(json), DiagnosticCodes.Syntax);

        // Assert
        Assert.Equal(new SourcePosition(4, 14), problem.Position);
    }

    [Fact]
    public void Parse_DuplicateProperty_ReportsSyntaxAtSecondKey()
    {
        // Arrange
        var json = "{ \"name\": \"t\",\n  \"name\": \"u\", \"version\": 1, \"steps\": [] }";

        // Act
        var problem = Single(Problems(json), DiagnosticCodes.Syntax);

        // Assert
        Assert.Equal("$.name", problem.Path);
        Assert.Equal(new SourcePosition(2, 3), problem.Position);
    }

    [Fact]
    public void Parse_TextAboveSizeLimit_ReportsTooLarge()
    {
        // Arrange
        var json = With(Echo, $"\"description\": \"{new string('x', 300_000)}\"");

        // Act
        var problem = Single(Problems(json), DiagnosticCodes.TooLarge);

        // Assert
        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void Parse_RootIsArray_ReportsWrongType()
    {
        // Act
        var problem = Single(Problems("[1, 2]"), DiagnosticCodes.WrongType);

        // Assert
        Assert.Contains("must be a JSON object", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TypoInStepProperty_ReportsUnknownPropertyWithSuggestionAndPosition()
    {
        // Arrange
        var json = "{ \"name\": \"t\", \"version\": 1, \"steps\": [\n  { \"id\": \"a\", \"kind\": \"activity\", \"activity\": \"echo\",\n    \"timout\": \"PT5M\" } ] }";

        // Act
        var problem = Single(Problems(json), DiagnosticCodes.UnknownProperty);

        // Assert
        Assert.Equal("$.steps[0].timout", problem.Path);
        Assert.Equal(new SourcePosition(3, 5), problem.Position);
        Assert.Contains("Did you mean 'timeout'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownRootProperty_ReportsUnknownProperty()
    {
        // Act
        var problem = Single(Problems(With(Echo, "\"onFailur\": \"fail\"")), DiagnosticCodes.UnknownProperty);

        // Assert
        Assert.Equal("$.onFailur", problem.Path);
    }

    [Theory]
    [InlineData("""{ "version": 1, "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }""", "$.name")]
    [InlineData("""{ "name": "t", "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }""", "$.version")]
    [InlineData("""{ "name": "t", "version": 1 }""", "$.steps")]
    [InlineData("""{ "name": "t", "version": 1, "steps": [ { "kind": "activity", "activity": "echo" } ] }""", "$.steps[0].id")]
    [InlineData("""{ "name": "t", "version": 1, "steps": [ { "id": "a", "activity": "echo" } ] }""", "$.steps[0].kind")]
    [InlineData("""{ "name": "t", "version": 1, "steps": [ { "id": "a", "kind": "activity" } ] }""", "$.steps[0].activity")]
    [InlineData("""{ "name": "t", "version": 1, "steps": [ { "id": "a", "kind": "workflow", "workflow": "x" } ] }""", "$.steps[0].version")]
    public void Parse_MissingRequiredProperty_ReportsMissingAtItsPath(string json, string path)
    {
        // Act
        var problem = Single(Problems(json), DiagnosticCodes.MissingProperty);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Theory]
    [InlineData("\"version\": \"1.0\"", "$.version")]
    [InlineData("\"tags\": \"finance\"", "$.tags")]
    [InlineData("\"description\": 5", "$.description")]
    [InlineData("\"input\": []", "$.input")]
    public void Parse_WrongJsonType_ReportsWrongType(string property, string path)
    {
        // Arrange
        var json = $$"""{ "name": "t", {{property}}, {{(property.StartsWith("\"version", StringComparison.Ordinal) ? "" : "\"version\": 1,")}} "steps": [ {{Echo}} ] }""";

        // Act
        var problem = Single(Problems(json), DiagnosticCodes.WrongType);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Theory]
    [InlineData("\"onFailure\": \"retry\"", "$.onFailure")]
    [InlineData("\"version\": 0", "$.version")]
    public void Parse_ValueOutOfRange_ReportsInvalidValue(string property, string path)
    {
        // Arrange
        var json = $$"""{ "name": "t", {{property}}, {{(property.Contains("version", StringComparison.Ordinal) ? "" : "\"version\": 1,")}} "steps": [ {{Echo}} ] }""";

        // Act
        var problem = Single(Problems(json), DiagnosticCodes.InvalidValue);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Theory]
    [InlineData("""{ "id": "1st", "kind": "activity", "activity": "echo" }""", "$.steps[0].id")]
    [InlineData("""{ "id": "has-dash", "kind": "activity", "activity": "echo" }""", "$.steps[0].id")]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "no spaces" }""", "$.steps[0].activity")]
    public void Parse_BadIdentifier_ReportsInvalidIdentifier(string step, string path)
    {
        // Act
        var problem = Single(StepProblems(step, options: new()), DiagnosticCodes.InvalidIdentifier);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Parse_UnknownStepKind_ReportsKindWithAllowedList()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "a", "kind": "sleep" }"""), DiagnosticCodes.UnknownStepKind);

        // Assert
        Assert.Equal("$.steps[0].kind", problem.Path);
        Assert.Contains("delay", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FullDefinition_ReadsEveryTopLevelField()
    {
        // Arrange
        var json = With(Echo, """
            "description": "d", "timeout": "PT1H", "retention": "P7D", "onFailure": "compensate", "tags": ["x"],
            "input": { "required": ["a"], "properties": { "a": { "type": "integer" } } }, "output": "{{steps.a.output}}"
            """);

        // Act
        var definition = WorkflowParser.Parse(json).Definition!;

        // Assert
        Assert.Equal(("t", 1, "d"), (definition.Name, definition.Version, definition.Description));
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromDays(7)), (definition.Timeout!.Value, definition.Retention!.Value));
        Assert.Equal(FailureMode.Compensate, definition.OnFailure);
        Assert.Equal(["x"], definition.Tags);
        Assert.Equal(new InputField("a", InputFieldType.Integer, true), definition.Input.Fields.Single());
        Assert.NotNull(definition.Output);
    }

    [Fact]
    public void Parse_TextStartingWithByteOrderMark_IsAccepted()
    {
        // Arrange
        var json = "\uFEFF" + With(Echo);

        // Act
        var problems = Problems(json);

        // Assert
        Valid(problems);
    }
}
