using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;

namespace Serverless.Shared.Tests.Workflows;

public class ExpressionEvaluationTests
{
    internal static readonly EvaluationScope Scope = new()
    {
        Input = JsonNode.Parse("""{ "amount": 120.5, "name": "Ada", "tags": ["vip", "eu"], "nested": { "list": [ { "id": 7 } ] }, "empty": "", "nothing": null }"""),
        Steps = new Dictionary<string, StepResult>
        {
            ["fetch"] = new(JsonNode.Parse("""{ "status": "done", "items": [1, 2, 3] }""")),
            ["broken"] = new(null, JsonNode.Parse("""{ "message": "boom" }""")),
        },
        Vars = new Dictionary<string, JsonNode?> { ["count"] = 2, ["region"] = "eu-west" },
        Item = JsonNode.Parse("""{ "sku": "A1", "qty": 3 }"""),
        Index = 4,
        InstanceId = "inst-1",
        WorkflowName = "orders",
        WorkflowVersion = 3,
        Now = new DateTimeOffset(2026, 11, 23, 19, 30, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 / 4", "2.5")]
    [InlineData("10 % 4", "2")]
    [InlineData("0.1 + 0.2 == 0.3", "true")]
    [InlineData("-input.amount", "-120.5")]
    [InlineData("input.amount > 100 && input.name == 'Ada'", "true")]
    [InlineData("input.amount < 100 || !(input.name != \"Ada\")", "true")]
    [InlineData("input.amount >= 120.5", "true")]
    [InlineData("input.amount <= 120.4", "false")]
    [InlineData("'b' > 'a'", "true")]
    [InlineData("'vip' in input.tags", "true")]
    [InlineData("'gold' in input.tags", "false")]
    [InlineData("input.tags contains 'eu'", "true")]
    [InlineData("input.name contains 'd'", "true")]
    [InlineData("'list' in input.nested", "true")]
    [InlineData("vars.region startsWith 'eu'", "true")]
    [InlineData("vars.region endsWith 'west'", "true")]
    [InlineData("input.missing == null", "true")]
    [InlineData("input.nothing == null", "true")]
    [InlineData("input.name != null", "true")]
    [InlineData("input.nested.list[0].id", "7")]
    [InlineData("input['nested'].list[vars.count - 2].id", "7")]
    [InlineData("input.nested.list[5]", "null")]
    [InlineData("input.tags.length", "2")]
    [InlineData("input.name.length", "3")]
    [InlineData("steps.fetch.output.items[2]", "3")]
    [InlineData("steps.fetch.output.status == 'done'", "true")]
    [InlineData("steps.broken.error.message", "\"boom\"")]
    [InlineData("steps.notRun.output", "null")]
    [InlineData("vars.count + 1", "3")]
    [InlineData("item.qty * 2", "6")]
    [InlineData("index", "4")]
    [InlineData("instance.id + '/' + instance.workflow + '@' + instance.version", "\"inst-1/orders@3\"")]
    [InlineData("now", "\"2026-11-23T19:30:00.000Z\"")]
    [InlineData("now > '2026-01-01'", "true")]
    [InlineData("'total: ' + input.amount", "\"total: 120.5\"")]
    [InlineData("[1, 'a', null]", "[1,\"a\",null]")]
    [InlineData("[1, 2] == [1, 2]", "true")]
    [InlineData("input.nested == input.nested", "true")]
    [InlineData("1 == '1'", "false")]
    [InlineData("!input.empty", "true")]
    [InlineData("!0", "true")]
    [InlineData("false || null", "false")]
    public void Evaluate_Expression_ReturnsExpectedJson(string expression, string expected)
    {
        // Arrange
        var parsed = Expression.Parse(expression);

        // Act
        var value = parsed.Evaluate(Scope);

        // Assert
        Assert.Equal(expected, value?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("input.name < 5", "needs two numbers or two strings")]
    [InlineData("1 / 0", "Division by zero")]
    [InlineData("input.name * 2", "Arithmetic needs two numbers")]
    [InlineData("-input.name", "Cannot negate")]
    [InlineData("input.amount contains 1", "needs an array, object or string")]
    [InlineData("input.name startsWith 1", "needs strings")]
    [InlineData("79228162514264337593543950335 + 1", "out of range")]
    public void Evaluate_TypeMismatch_ThrowsEvaluationExceptionWithClearMessage(string expression, string message)
    {
        // Arrange
        var parsed = Expression.Parse(expression);

        // Act
        var error = Assert.Throws<ExpressionEvaluationException>(() => parsed.Evaluate(Scope));

        // Assert
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ShortCircuit_SkipsRightOperand()
    {
        // Arrange
        var parsed = Expression.Parse("false && 1 / 0 == 1");

        // Act
        var value = parsed.IsTrue(Scope);

        // Assert
        Assert.False(value);
    }

    [Fact]
    public void Evaluate_LargeArrayScanAboveBudget_ThrowsBudgetExceeded()
    {
        // Arrange
        var scope = Scope with { Input = new JsonArray(Enumerable.Range(0, 50_000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()) };
        var parsed = Expression.Parse("-1 in input");

        // Act
        var error = Assert.Throws<ExpressionBudgetExceededException>(() => parsed.Evaluate(scope));

        // Assert
        Assert.Equal(ExpressionLimits.MaxEvaluationSteps, error.Budget);
    }

    [Fact]
    public void Evaluate_ResultTakenFromInput_CanBeAttachedElsewhere()
    {
        // Arrange
        var parsed = Expression.Parse("input.nested");

        // Act
        var holder = new JsonObject { ["copy"] = parsed.Evaluate(Scope) };

        // Assert
        Assert.Equal(7, holder["copy"]!["list"]![0]!["id"]!.GetValue<decimal>());
        Assert.NotNull(Scope.Input!["nested"]);
    }

    [Fact]
    public void Evaluate_ComparingPathologicallyDeepValues_ThrowsEvaluationException()
    {
        // Arrange
        JsonNode deep = new JsonArray();
        for (var i = 0; i < 300; i++)
            deep = new JsonArray(deep);
        var scope = Scope with { Vars = new Dictionary<string, JsonNode?> { ["a"] = deep, ["b"] = deep.DeepClone() } };

        // Act
        var error = Assert.Throws<ExpressionEvaluationException>(() => Expression.Parse("vars.a == vars.b").Evaluate(scope));

        // Assert
        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }
}
