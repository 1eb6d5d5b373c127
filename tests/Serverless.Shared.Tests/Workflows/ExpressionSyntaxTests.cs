using Serverless.Workflows.Expressions;

namespace Serverless.Shared.Tests.Workflows;

public class ExpressionSyntaxTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("1 +", 3)]
    [InlineData("input.x ==", 10)]
    [InlineData("(1", 2)]
    [InlineData("'open", 0)]
    [InlineData("input.x = 1", 8)]
    [InlineData("input.x & 1", 8)]
    [InlineData("12abc", 0)]
    [InlineData("input.", 6)]
    [InlineData("[1, 2", 5)]
    [InlineData("foo.bar", 0)]
    [InlineData("steps.a", 0)]
    [InlineData("steps.a.result", 0)]
    [InlineData("instance.secret", 0)]
    [InlineData("now.year", 0)]
    [InlineData("vars", 0)]
    [InlineData("'bad \\q escape'", 5)]
    public void Parse_MalformedExpression_ThrowsSyntaxExceptionAtPosition(string text, int position)
    {
        // Act
        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text));

        // Assert
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_NestingDeeperThanLimit_ThrowsSyntaxException()
    {
        // Arrange
        var text = new string('(', ExpressionLimits.MaxDepth + 1) + "1" + new string(')', ExpressionLimits.MaxDepth + 1);

        // Act
        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text));

        // Assert
        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongOperatorChain_ThrowsSyntaxExceptionInsteadOfDeepRecursion()
    {
        // Arrange
        var text = string.Join(" + ", Enumerable.Repeat("1", 200));

        // Act
        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text));

        // Assert
        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_ThrowsSyntaxException()
    {
        // Arrange
        var text = "'" + new string('a', ExpressionLimits.MaxLength) + "'";

        // Act
        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text));

        // Assert
        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StepReferences_AreListed()
    {
        // Act
        var parsed = Expression.Parse("steps.a.output.x + steps.b.error.code > vars.limit && item.qty > 0");

        // Assert
        Assert.Equal(["a", "b"], parsed.StepReferences.Order(StringComparer.Ordinal));
        Assert.Equal(["item", "steps", "vars"], parsed.ScopesUsed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_StringEscapes_AreDecoded()
    {
        // Arrange
        var parsed = Expression.Parse("'it\\'s \\u0041\\n'");

        // Act
        var value = parsed.Evaluate(ExpressionEvaluationTests.Scope);

        // Assert
        Assert.Equal("it's A\n", value!.GetValue<string>());
    }
}
