using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Validation;
using Serverless.Workflows.Versioning;

namespace Serverless.Shared.Tests.Workflows;

public class YamlParserTests
{
    private const string Yaml = """
        name: greet
        version: 2
        timeout: PT5M
        steps:
          - id: hello
            kind: activity
            activity: echo
            input:
              text: "Hello {{input.name}}"
              count: 3
              loud: true
              quoted: "true"
              none: ~
        """;

    private const string Json = """
        { "name": "greet", "version": 2, "timeout": "PT5M", "steps": [ { "id": "hello", "kind": "activity", "activity": "echo",
          "input": { "text": "Hello {{input.name}}", "count": 3, "loud": true, "quoted": "true", "none": null } } ] }
        """;

    [Fact]
    public void Compile_YamlAndEquivalentJson_ProduceTheSameContentHash()
    {
        // Act
        var fromYaml = WorkflowCompiler.CompileOrThrow(Yaml, Definitions.Options, SourceFormat.Yaml);
        var fromJson = WorkflowCompiler.CompileOrThrow(Json, Definitions.Options);

        // Assert
        Assert.Equal(CanonicalJson.Hash(fromJson.Document), CanonicalJson.Hash(fromYaml.Document));
        Assert.Equal(TimeSpan.FromMinutes(5), fromYaml.Definition.Timeout);
        Assert.IsType<ActivityStep>(fromYaml.Definition.Steps.Single());
    }

    [Fact]
    public void Compile_YamlTypo_ReportsUnknownPropertyWithYamlPosition()
    {
        // Arrange
        var yaml = Yaml.Replace("    activity: echo", "    activty: echo", StringComparison.Ordinal);

        // Act
        var codes = WorkflowCompiler.Compile(yaml, Definitions.Options, SourceFormat.Yaml).Diagnostics;

        // Assert
        var unknown = Assert.Single(codes, d => d.Code == DiagnosticCodes.UnknownProperty);
        Assert.Equal("$.steps[0].activty", unknown.Path);
        Assert.Equal(new SourcePosition(7, 5), unknown.Position);
        Assert.Contains(codes, d => d.Code == DiagnosticCodes.MissingProperty && d.Path == "$.steps[0].activity");
    }

    [Fact]
    public void Parse_MalformedYaml_ReportsSyntaxWithPosition()
    {
        // Arrange
        var yaml = "name: t\nsteps: [\n  - a\n";

        // Act
        var problem = Assert.Single(WorkflowParser.Parse(yaml, SourceFormat.Yaml).Diagnostics);

        // Assert
        Assert.Equal(DiagnosticCodes.Syntax, problem.Code);
        Assert.NotNull(problem.Position);
    }

    [Fact]
    public void Parse_AliasBomb_IsRejectedAsTooLarge()
    {
        // Arrange
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++)
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");

        // Act
        var result = WorkflowParser.Parse(string.Join("\n", lines), SourceFormat.Yaml);

        // Assert
        Assert.Null(result.Definition);
        Assert.Equal(DiagnosticCodes.TooLarge, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Parse_EmptyYaml_ReportsSyntax()
    {
        // Act
        var problem = Assert.Single(WorkflowParser.Parse(string.Empty, SourceFormat.Yaml).Diagnostics);

        // Assert
        Assert.Equal(DiagnosticCodes.Syntax, problem.Code);
    }
}
