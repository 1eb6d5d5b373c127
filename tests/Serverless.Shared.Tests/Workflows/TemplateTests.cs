using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Templates;

namespace Serverless.Shared.Tests.Workflows;

public class TemplateTests
{
    [Theory]
    [InlineData("{{input.amount}}", "120.5")]
    [InlineData("{{ input.tags }}", "[\"vip\",\"eu\"]")]
    [InlineData("{{input.missing}}", "null")]
    [InlineData("{{input.amount > 100}}", "true")]
    [InlineData("Amount: {{input.amount}}", "\"Amount: 120.5\"")]
    [InlineData("{{input.name}}-{{index}}", "\"Ada-4\"")]
    [InlineData("x{{input.missing}}y", "\"xy\"")]
    [InlineData("plain text", "\"plain text\"")]
    [InlineData("{{ '{{' }} literal", "\"{{ literal\"")]
    [InlineData("{{ 'a}}b' }}", "\"a}}b\"")]
    public void Evaluate_StringTemplate_KeepsTypeOnlyForWholeValue(string template, string expected)
    {
        // Arrange
        var parsed = StringTemplate.Parse(template);

        // Act
        var value = parsed.Evaluate(ExpressionEvaluationTests.Scope);

        // Assert
        Assert.Equal(expected, value?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Evaluate_EmbeddedArray_IsStringifiedAsJson()
    {
        // Arrange
        var parsed = StringTemplate.Parse("tags={{input.tags}}");

        // Act
        var value = parsed.Evaluate(ExpressionEvaluationTests.Scope);

        // Assert
        Assert.Equal("tags=[\"vip\",\"eu\"]", value!.GetValue<string>());
    }

    [Theory]
    [InlineData("hello {{input.name", "never closed")]
    [InlineData("{{ }}", "empty")]
    [InlineData("{{input.name ==}}", "Expected a value")]
    public void Parse_MalformedTemplate_ThrowsSyntaxException(string template, string message)
    {
        // Act
        var error = Assert.Throws<ExpressionSyntaxException>(() => StringTemplate.Parse(template));

        // Assert
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_JsonTemplate_BuildsFreshTreeWithTypedHoles()
    {
        // Arrange
        var template = JsonTemplate.Parse(JsonNode.Parse("""{ "sku": "{{item.sku}}", "qty": "{{item.qty}}", "list": ["{{index}}", 1, "n={{index}}"], "flag": true }"""));

        // Act
        var first = template.Evaluate(ExpressionEvaluationTests.Scope);
        var second = template.Evaluate(ExpressionEvaluationTests.Scope);

        // Assert
        Assert.Equal("""{"sku":"A1","qty":3,"list":[4,1,"n=4"],"flag":true}""", first!.ToJsonString());
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Compile_JsonTemplate_ListsExpressionsWithPaths()
    {
        // Arrange
        var node = JsonNode.Parse("""{ "a": { "b": ["x", "{{steps.s.output}}"] }, "odd key": "{{input.x}}" }""");

        // Act
        var template = JsonTemplate.Compile(node, "$.input", (_, e) => throw e);

        // Assert
        Assert.Equal(["$.input.a.b[1]", "$.input['odd key']"], template.Expressions.Select(e => e.Path));
    }
}
