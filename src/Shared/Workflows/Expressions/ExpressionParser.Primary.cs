using System.Text.Json.Nodes;

namespace Serverless.Workflows.Expressions;

/// <summary>Primaries: literals, parentheses, array literals and scope paths.</summary>
internal sealed partial class ExpressionParser
{
    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralNode(Number(token.Text), token.Position);
            case TokenKind.String:
                Advance();
                return new LiteralNode(JsonValue.Create(token.Text), token.Position);
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return ParseArray();
            case TokenKind.Identifier:
                return ParseIdentifier();
            default:
                var found = token.Kind == TokenKind.End ? "end of expression" : $"'{token.Text}'";
                throw new ExpressionSyntaxException($"Expected a value but found {found}", token.Position);
        }
    }

    private ExpressionNode ParseParenthesized()
    {
        var open = Advance();
        Enter(open.Position);
        var inner = ParseOr();
        Expect(TokenKind.RightParen, "')'");
        _depth--;
        return inner;
    }

    private ArrayNode ParseArray()
    {
        var open = Advance();
        Enter(open.Position);
        var items = new List<ExpressionNode>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            do
                items.Add(ParseOr());
            while (Current.Kind == TokenKind.Comma && Advance().Kind == TokenKind.Comma);
        }
        Expect(TokenKind.RightBracket, "',' or ']'");
        _depth--;
        var height = items.Count == 0 ? 1 : items.Max(i => i.Height) + 1;
        return (ArrayNode)Checked(new ArrayNode(items, open.Position, height));
    }

    private ExpressionNode ParseIdentifier()
    {
        var token = Advance();
        switch (token.Text)
        {
            case "true":
                return new LiteralNode(JsonValue.Create(true), token.Position);
            case "false":
                return new LiteralNode(JsonValue.Create(false), token.Position);
            case "null":
                return new LiteralNode(null, token.Position);
        }
        var segments = new List<PathSegment>();
        var height = 1;
        while (Current.Kind is TokenKind.Dot or TokenKind.LeftBracket)
        {
            if (Advance().Kind == TokenKind.Dot)
            {
                segments.Add(new MemberSegment(Expect(TokenKind.Identifier, "a member name after '.'").Text));
                continue;
            }
            Enter(token.Position);
            var index = ParseOr();
            Expect(TokenKind.RightBracket, "']'");
            _depth--;
            height = Math.Max(height, index.Height + 1);
            segments.Add(index is LiteralNode { Value: JsonValue v } && v.TryGetValue<string>(out var name)
                ? new MemberSegment(name)
                : new IndexSegment(index));
        }
        return Checked(new PathNode(token.Text, segments, token.Position, height));
    }
}
