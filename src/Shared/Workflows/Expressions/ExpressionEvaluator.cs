using System.Text.Json.Nodes;
using Serverless.Secrets;

namespace Serverless.Workflows.Expressions;

/// <summary>
/// Walks a parsed expression over JSON values. Recursion is bounded by the parser's height limit and
/// work by a step budget, so any expression finishes quickly or throws <see cref="ExpressionException"/>.
/// Returned nodes may be shared with the scope: callers clone before attaching them elsewhere.
/// </summary>
internal sealed partial class ExpressionEvaluator
{
    private readonly EvaluationScope _scope;
    private readonly int _budget;
    private int _steps;

    public ExpressionEvaluator(EvaluationScope scope)
    {
        _scope = scope;
        _budget = scope.MaxEvaluationSteps;
    }

    public JsonNode? Evaluate(ExpressionNode node)
    {
        Spend(1);
        return node switch
        {
            LiteralNode literal => literal.Value?.DeepClone(),
            ArrayNode array => new JsonArray(array.Items.Select(i => Evaluate(i)?.DeepClone()).ToArray()),
            PathNode path => EvaluatePath(path),
            UnaryNode unary => EvaluateUnary(unary),
            BinaryNode binary => EvaluateBinary(binary),
            _ => throw new ExpressionEvaluationException($"Unsupported expression node {node.GetType().Name}."),
        };
    }

    private void Spend(int amount)
    {
        _steps += amount;
        if (_steps > _budget)
            throw new ExpressionBudgetExceededException(_budget);
    }

    private JsonNode? EvaluateUnary(UnaryNode unary)
    {
        var operand = Evaluate(unary.Operand);
        if (unary.IsNot)
            return JsonValue.Create(!JsonValues.IsTruthy(operand));
        return JsonValues.TryGetNumber(operand, out var number)
            ? JsonValue.Create(-number)
            : throw new ExpressionEvaluationException($"Cannot negate a {JsonValues.TypeName(operand)}.");
    }

    private JsonNode? EvaluatePath(PathNode path)
    {
        var start = 0;
        JsonNode? current;
        switch (path.Root)
        {
            case "steps":
                if (path.Segments.Count < 2 || path.Segments[0] is not MemberSegment id || path.Segments[1] is not MemberSegment field)
                    return null;
                current = !_scope.Steps.TryGetValue(id.Name, out var result) ? null
                    : field.Name == "output" ? result.Output
                    : field.Name == "error" ? result.Error
                    : null;
                start = 2;
                break;
            case "vars":
                if (path.Segments.Count == 0 || path.Segments[0] is not MemberSegment name)
                    return null;
                current = _scope.Vars.TryGetValue(name.Name, out var value) ? value : null;
                start = 1;
                break;
            case SecretReference.Root:
                // The value stays out of the orchestration: the reference text travels to the activity, which resolves it.
                return path.Segments is [MemberSegment secret] ? JsonValue.Create(SecretReference.Format(secret.Name)) : null;
            default:
                current = _scope.Resolve(path.Root);
                break;
        }
        for (var i = start; i < path.Segments.Count && current is not null; i++)
        {
            Spend(1);
            current = path.Segments[i] switch
            {
                MemberSegment member => Member(current, member.Name),
                IndexSegment index => Index(current, Evaluate(index.Index)),
                _ => null,
            };
        }
        return current;
    }

    private static JsonNode? Member(JsonNode node, string name) => node switch
    {
        JsonObject obj => obj.TryGetPropertyValue(name, out var child) ? child : null,
        JsonArray array when name == "length" => JsonValue.Create(array.Count),
        JsonValue when name == "length" && JsonValues.TryGetString(node, out var text) => JsonValue.Create(text.Length),
        _ => null,
    };

    private static JsonNode? Index(JsonNode node, JsonNode? index)
    {
        if (JsonValues.TryGetString(index, out var name))
            return Member(node, name);
        if (node is not JsonArray array || !JsonValues.TryGetNumber(index, out var number))
            return null;
        return number >= 0 && number < array.Count && decimal.Truncate(number) == number ? array[(int)number] : null;
    }
}
