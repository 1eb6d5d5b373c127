using System.Text.Json.Nodes;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;
using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Parsing;

/// <summary>Readers for the language's own value types: durations, enums, expressions, templates.</summary>
internal sealed partial class ObjectReader
{
    public TimeSpan? Duration(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
            return null;
        if (IsoDuration.TryParse(text, out var value))
            return value;
        Diagnostics.Add(DiagnosticCodes.InvalidDuration, PathOf(name),
            $"'{text}' is not an ISO-8601 duration such as PT30S, PT5M, P1D or P1DT2H (years and months are not allowed).");
        return null;
    }

    public T Enum<T>(string name, T fallback)
        where T : struct, System.Enum
    {
        var text = String(name);
        if (text is null)
            return fallback;
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (string.Equals(EnumName(value), text, StringComparison.Ordinal))
                return value;
        }
        var allowed = string.Join(", ", System.Enum.GetValues<T>().Select(v => $"'{EnumName(v)}'"));
        Diagnostics.Add(DiagnosticCodes.InvalidValue, PathOf(name), $"'{name}' must be one of {allowed}, not '{text}'.");
        return fallback;
    }

    /// <summary>The JSON spelling of an enum value: camel case (<c>FailFast</c> is <c>failFast</c>).</summary>
    public static string EnumName<T>(T value)
        where T : struct, System.Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public Expression? Expression(string name, bool required = false)
    {
        var value = Raw(name, required);
        if (value is null)
            return null;
        if (!JsonValues.TryGetString(value, out var text))
        {
            // A literal true/false condition is allowed and becomes the expression "true"/"false".
            if (value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
                return Expressions.Expression.Parse(value.ToJsonString());
            WrongType(name, "an expression string", value);
            return null;
        }
        var source = UnwrapHole(text);
        if (Expressions.Expression.TryParse(source, out var expression, out var error))
            return expression;
        Diagnostics.Add(DiagnosticCodes.InvalidExpression, PathOf(name), $"Malformed expression '{text}': {error.Message}");
        return null;
    }

    public JsonTemplate Template(string name)
    {
        var value = Raw(name);
        return value is null ? JsonTemplate.Null : CompileTemplate(value, PathOf(name), Diagnostics);
    }

    public StringTemplate? StringTemplate(string name)
    {
        var text = String(name);
        if (text is null)
            return null;
        try
        {
            return Templates.StringTemplate.Parse(text);
        }
        catch (ExpressionSyntaxException e)
        {
            Diagnostics.Add(DiagnosticCodes.InvalidExpression, PathOf(name), $"Malformed template '{text}': {e.Message}");
            return null;
        }
    }

    public IReadOnlyDictionary<string, JsonTemplate> TemplateMap(string name)
    {
        var obj = Object(name);
        if (obj is null)
            return new Dictionary<string, JsonTemplate>();
        var result = new Dictionary<string, JsonTemplate>(StringComparer.Ordinal);
        foreach (var (key, value) in obj._object)
        {
            obj._known.Add(key);
            if (!WorkflowParser.IsIdentifier(key))
                Diagnostics.Add(DiagnosticCodes.InvalidIdentifier, obj.PathOf(key), $"Variable name '{key}' must be a letter followed by letters, digits or '_'.");
            result[key] = CompileTemplate(value, obj.PathOf(key), Diagnostics);
        }
        return result;
    }

    public static JsonTemplate CompileTemplate(JsonNode? value, string path, DiagnosticBag diagnostics) =>
        JsonTemplate.Compile(value, path, (at, e) =>
            diagnostics.Add(DiagnosticCodes.InvalidExpression, at, $"Malformed template: {e.Message}"));

    // Conditions may be written bare ("input.x > 1") or as one template hole ("{{ input.x > 1 }}").
    private static string UnwrapHole(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal)
            && trimmed.IndexOf("{{", 2, StringComparison.Ordinal) < 0
            ? trimmed[2..^2]
            : text;
    }
}
