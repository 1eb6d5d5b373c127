using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Workflows.Expressions;

/// <summary>Recursive-descent parser for the grammar documented in docs/dsl.md.</summary>
internal sealed partial class ExpressionParser
{
    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    private ExpressionParser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_index];

    public static ExpressionNode Parse(string text)
    {
        var parser = new ExpressionParser(Tokenizer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
            throw new ExpressionSyntaxException("Expression is empty", 0);
        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
            throw new ExpressionSyntaxException($"Unexpected '{parser.Current.Text}'", parser.Current.Position);
        return node;
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.OrOr)
            left = Binary(BinaryOperator.Or, left, Advance().Position, ParseAnd());
        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseEquality();
        while (Current.Kind == TokenKind.AndAnd)
            left = Binary(BinaryOperator.And, left, Advance().Position, ParseEquality());
        return left;
    }

    private ExpressionNode ParseEquality()
    {
        var left = ParseRelational();
        while (Current.Kind is TokenKind.EqualEqual or TokenKind.BangEqual)
        {
            var op = Current.Kind == TokenKind.EqualEqual ? BinaryOperator.Equal : BinaryOperator.NotEqual;
            left = Binary(op, left, Advance().Position, ParseRelational());
        }
        return left;
    }

    private ExpressionNode ParseRelational()
    {
        var left = ParseAdditive();
        while (RelationalOperator() is { } op)
            left = Binary(op, left, Advance().Position, ParseAdditive());
        return left;
    }

    private BinaryOperator? RelationalOperator() => Current.Kind switch
    {
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessEqual => BinaryOperator.LessEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterEqual => BinaryOperator.GreaterEqual,
        TokenKind.Identifier => Current.Text switch
        {
            "in" => BinaryOperator.In,
            "contains" => BinaryOperator.Contains,
            "startsWith" => BinaryOperator.StartsWith,
            "endsWith" => BinaryOperator.EndsWith,
            _ => null,
        },
        _ => null,
    };

    private ExpressionNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Current.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = Binary(op, left, Advance().Position, ParseMultiplicative());
        }
        return left;
    }

    private ExpressionNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Current.Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = Binary(op, left, Advance().Position, ParseUnary());
        }
        return left;
    }

    private ExpressionNode ParseUnary()
    {
        if (Current.Kind is not (TokenKind.Bang or TokenKind.Minus))
            return ParsePrimary();
        var token = Advance();
        Enter(token.Position);
        var operand = ParseUnary();
        _depth--;
        return Checked(new UnaryNode(token.Kind == TokenKind.Bang, operand, token.Position));
    }

    private static JsonValue Number(string digits) =>
        JsonValue.Create(decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    private ExpressionNode Binary(BinaryOperator op, ExpressionNode left, int position, ExpressionNode right) =>
        Checked(new BinaryNode(op, left, right, position));

    private static ExpressionNode Checked(ExpressionNode node) =>
        node.Height > ExpressionLimits.MaxDepth
            ? throw new ExpressionSyntaxException($"Expression is nested deeper than {ExpressionLimits.MaxDepth} levels", node.Position)
            : node;

    private void Enter(int position)
    {
        if (++_depth > ExpressionLimits.MaxDepth)
            throw new ExpressionSyntaxException($"Expression is nested deeper than {ExpressionLimits.MaxDepth} levels", position);
    }

    private Token Advance() => _tokens[_index++];

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            var found = Current.Kind == TokenKind.End ? "end of expression" : $"'{Current.Text}'";
            throw new ExpressionSyntaxException($"Expected {what} but found {found}", Current.Position);
        }
        return Advance();
    }
}
