using System.Text.Json.Nodes;

namespace Serverless.Workflows.Expressions;

/// <summary>Binary operators, from lowest to highest precedence group.</summary>
internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    In,
    Contains,
    StartsWith,
    EndsWith,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

/// <summary>A node of a parsed expression. <paramref name="Height"/> bounds evaluation recursion.</summary>
internal abstract record ExpressionNode(int Position, int Height);

/// <summary>A literal number, string, boolean or null. The value is never handed out without cloning.</summary>
internal sealed record LiteralNode(JsonNode? Value, int Position) : ExpressionNode(Position, 1);

/// <summary>An array literal <c>[a, b]</c>.</summary>
internal sealed record ArrayNode(IReadOnlyList<ExpressionNode> Items, int Position, int Height)
    : ExpressionNode(Position, Height);

/// <summary>A path from a scope root: <c>steps.fetch.output.items[0].id</c>.</summary>
internal sealed record PathNode(string Root, IReadOnlyList<PathSegment> Segments, int Position, int Height)
    : ExpressionNode(Position, Height);

/// <summary><c>!x</c> or <c>-x</c>.</summary>
internal sealed record UnaryNode(bool IsNot, ExpressionNode Operand, int Position)
    : ExpressionNode(Position, Operand.Height + 1);

/// <summary>A binary operation.</summary>
internal sealed record BinaryNode(BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right, int Position)
    : ExpressionNode(Position, Math.Max(Left.Height, Right.Height) + 1);

/// <summary>One step of a path: a member name or a computed index.</summary>
internal abstract record PathSegment;

/// <summary><c>.name</c> (or <c>['name']</c> with a literal string).</summary>
internal sealed record MemberSegment(string Name) : PathSegment;

/// <summary><c>[expression]</c>: an array index or a computed member name.</summary>
internal sealed record IndexSegment(ExpressionNode Index) : PathSegment;
