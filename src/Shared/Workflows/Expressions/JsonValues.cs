using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Workflows.Expressions;

/// <summary>JSON value semantics shared by expressions and templates: truthiness, numbers, text.</summary>
public static class JsonValues
{
    // Embedded JSON is for people and downstream systems, not HTML: keep quotes and non-ASCII readable.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Truthiness used by conditions: <c>null</c>, <c>false</c>, <c>0</c> and <c>""</c> are false;
    /// everything else (including empty arrays and objects) is true.
    /// </summary>
    /// <param name="value">A JSON value.</param>
    /// <returns>Whether the value counts as true.</returns>
    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => TryGetNumber(v, out var d) && d != 0,
            _ => true,
        },
        _ => true,
    };

    /// <summary>Text of a value as embedded in a string template: strings raw, null empty, others as JSON.</summary>
    /// <param name="value">A JSON value.</param>
    /// <returns>The text.</returns>
    public static string Stringify(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when TryGetNumber(v, out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => Serialize(value),
    };

    private static string Serialize(JsonNode value)
    {
        try
        {
            return value.ToJsonString(Readable);
        }
        catch (JsonException e)
        {
            throw new ExpressionEvaluationException($"Value cannot be written as text: {e.Message}");
        }
    }

    /// <summary>Reads a JSON number as a decimal.</summary>
    /// <param name="value">A JSON value.</param>
    /// <param name="number">The number, when it is one and fits a decimal.</param>
    /// <returns>True when <paramref name="value"/> is a number within decimal range.</returns>
    public static bool TryGetNumber(JsonNode? value, out decimal number)
    {
        number = 0;
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
            return false;
        return v.TryGetValue(out number)
            || decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Reads a JSON string.</summary>
    /// <param name="value">A JSON value.</param>
    /// <param name="text">The string, when the value is one.</param>
    /// <returns>True when <paramref name="value"/> is a string.</returns>
    public static bool TryGetString(JsonNode? value, out string text)
    {
        text = string.Empty;
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            return false;
        text = v.GetValue<string>();
        return true;
    }

    /// <summary>The JSON kind of a value, treating a C# null as JSON null.</summary>
    /// <param name="value">A JSON value.</param>
    /// <returns>Its kind.</returns>
    public static JsonValueKind KindOf(JsonNode? value) => value?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>Short type name used in messages: null, boolean, number, string, array, object.</summary>
    /// <param name="value">A JSON value.</param>
    /// <returns>The type name.</returns>
    public static string TypeName(JsonNode? value) => KindOf(value) switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };
}
