using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Workflows.Expressions;

/// <summary>Binary operators: logic short-circuits, comparisons are type-strict, arithmetic is decimal.</summary>
internal sealed partial class ExpressionEvaluator
{
    private const int MaxCompareDepth = 128;

    private JsonNode? EvaluateBinary(BinaryNode binary)
    {
        var left = Evaluate(binary.Left);
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                return JsonValue.Create(JsonValues.IsTruthy(left) && JsonValues.IsTruthy(Evaluate(binary.Right)));
            case BinaryOperator.Or:
                return JsonValue.Create(JsonValues.IsTruthy(left) || JsonValues.IsTruthy(Evaluate(binary.Right)));
        }
        var right = Evaluate(binary.Right);
        return binary.Operator switch
        {
            BinaryOperator.Equal => JsonValue.Create(DeepEquals(left, right, 0)),
            BinaryOperator.NotEqual => JsonValue.Create(!DeepEquals(left, right, 0)),
            BinaryOperator.Less => JsonValue.Create(Compare(left, right, "<") < 0),
            BinaryOperator.LessEqual => JsonValue.Create(Compare(left, right, "<=") <= 0),
            BinaryOperator.Greater => JsonValue.Create(Compare(left, right, ">") > 0),
            BinaryOperator.GreaterEqual => JsonValue.Create(Compare(left, right, ">=") >= 0),
            BinaryOperator.In => JsonValue.Create(Contains(right, left, "in")),
            BinaryOperator.Contains => JsonValue.Create(Contains(left, right, "contains")),
            BinaryOperator.StartsWith => JsonValue.Create(Text(left, "startsWith").StartsWith(Text(right, "startsWith"), StringComparison.Ordinal)),
            BinaryOperator.EndsWith => JsonValue.Create(Text(left, "endsWith").EndsWith(Text(right, "endsWith"), StringComparison.Ordinal)),
            BinaryOperator.Add => Add(left, right),
            _ => Arithmetic(binary.Operator, left, right),
        };
    }

    private bool DeepEquals(JsonNode? left, JsonNode? right, int depth)
    {
        Spend(1);
        if (depth > MaxCompareDepth)
            throw new ExpressionEvaluationException($"Values are nested deeper than {MaxCompareDepth} levels and cannot be compared.");
        var (lk, rk) = (JsonValues.KindOf(left), JsonValues.KindOf(right));
        if (JsonValues.TryGetNumber(left, out var ln) && JsonValues.TryGetNumber(right, out var rn))
            return ln == rn;
        if (lk != rk)
            return false;
        return (left, right) switch
        {
            (JsonArray la, JsonArray ra) => la.Count == ra.Count && la.Zip(ra).All(p => DeepEquals(p.First, p.Second, depth + 1)),
            (JsonObject lo, JsonObject ro) => lo.Count == ro.Count
                && lo.All(p => ro.TryGetPropertyValue(p.Key, out var other) && DeepEquals(p.Value, other, depth + 1)),
            _ when lk == JsonValueKind.String => JsonValues.Stringify(left) == JsonValues.Stringify(right),
            _ => lk == rk,
        };
    }

    private int Compare(JsonNode? left, JsonNode? right, string op)
    {
        if (JsonValues.TryGetNumber(left, out var ln) && JsonValues.TryGetNumber(right, out var rn))
            return ln.CompareTo(rn);
        if (JsonValues.TryGetString(left, out var ls) && JsonValues.TryGetString(right, out var rs))
            return string.CompareOrdinal(ls, rs);
        throw new ExpressionEvaluationException(
            $"Operator '{op}' needs two numbers or two strings, not {JsonValues.TypeName(left)} and {JsonValues.TypeName(right)}.");
    }

    private bool Contains(JsonNode? container, JsonNode? element, string op)
    {
        switch (container)
        {
            case JsonArray array:
                Spend(array.Count);
                return array.Any(e => DeepEquals(e, element, 0));
            case JsonObject obj:
                return JsonValues.TryGetString(element, out var key) && obj.ContainsKey(key);
            case null:
                return false;
        }
        if (JsonValues.TryGetString(container, out var text))
            return text.Contains(Text(element, op), StringComparison.Ordinal);
        throw new ExpressionEvaluationException($"Operator '{op}' needs an array, object or string, not a {JsonValues.TypeName(container)}.");
    }

    private static string Text(JsonNode? value, string op) => JsonValues.TryGetString(value, out var text)
        ? text
        : throw new ExpressionEvaluationException($"Operator '{op}' needs strings, not a {JsonValues.TypeName(value)}.");

    private JsonNode Add(JsonNode? left, JsonNode? right)
    {
        if (JsonValues.TryGetString(left, out _) || JsonValues.TryGetString(right, out _))
        {
            var text = JsonValues.Stringify(left) + JsonValues.Stringify(right);
            Spend(text.Length / 1_000);
            return text.Length <= ExpressionLimits.MaxStringLength
                ? JsonValue.Create(text)
                : throw new ExpressionEvaluationException($"String result is longer than {ExpressionLimits.MaxStringLength} characters.");
        }
        return Arithmetic(BinaryOperator.Add, left, right);
    }

    private static JsonValue Arithmetic(BinaryOperator op, JsonNode? left, JsonNode? right)
    {
        if (!JsonValues.TryGetNumber(left, out var l) || !JsonValues.TryGetNumber(right, out var r))
            throw new ExpressionEvaluationException(
                $"Arithmetic needs two numbers, not {JsonValues.TypeName(left)} and {JsonValues.TypeName(right)}.");
        if (r == 0 && op is BinaryOperator.Divide or BinaryOperator.Modulo)
            throw new ExpressionEvaluationException("Division by zero.");
        try
        {
            return JsonValue.Create(op switch
            {
                BinaryOperator.Add => l + r,
                BinaryOperator.Subtract => l - r,
                BinaryOperator.Multiply => l * r,
                BinaryOperator.Divide => l / r,
                _ => l % r,
            });
        }
        catch (OverflowException)
        {
            throw new ExpressionEvaluationException("Arithmetic result is out of range.");
        }
    }
}
