using System.Text.Json.Nodes;
using Serverless.Workflows.Model;

namespace Serverless.Shared.Tests.Workflows;

public class InputSchemaTests
{
    private static readonly InputSchema Schema = new(
    [
        new InputField("orderId", InputFieldType.String, Required: true),
        new InputField("qty", InputFieldType.Integer, Required: true),
        new InputField("note", InputFieldType.String, Required: false),
    ]);

    [Fact]
    public void Check_MatchingInput_ReturnsNoProblems()
    {
        // Act
        var problems = Schema.Check(JsonNode.Parse("""{ "orderId": "o1", "qty": 2, "extra": true }"""));

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public void Check_MissingAndMistypedFields_ReturnsEveryProblem()
    {
        // Act
        var problems = Schema.Check(JsonNode.Parse("""{ "qty": 2.5, "note": 4 }"""));

        // Assert
        Assert.Equal(
            ["Input field 'orderId' is required.", "Input field 'qty' must be integer, not number.", "Input field 'note' must be string, not number."],
            problems);
    }

    [Fact]
    public void Check_NonObjectInput_ReturnsOneProblem()
    {
        // Act
        var problems = Schema.Check(JsonNode.Parse("[1]"));

        // Assert
        Assert.Equal(["Input must be a JSON object, not array."], problems);
    }
}
