using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;

namespace Serverless.Workflows.Model;

/// <summary>JSON types an input field may be declared with.</summary>
public enum InputFieldType
{
    /// <summary>Any JSON value.</summary>
    Any,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>Any JSON number.</summary>
    Number,

    /// <summary>A JSON number without a fractional part.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,
}

/// <summary>One declared input field.</summary>
/// <param name="Name">Property name in the input object.</param>
/// <param name="Type">Expected JSON type.</param>
/// <param name="Required">Whether the field must be present and not null.</param>
/// <param name="Description">Free text for people.</param>
public sealed record InputField(string Name, InputFieldType Type, bool Required, string? Description = null);

/// <summary>The declared shape of a workflow's start input.</summary>
/// <param name="Fields">Declared fields; undeclared fields are allowed and passed through.</param>
public sealed record InputSchema(IReadOnlyList<InputField> Fields)
{
    /// <summary>A schema that accepts any input.</summary>
    public static InputSchema Empty { get; } = new([]);

    /// <summary>Checks a start input; the host rejects the start with these messages when any are returned.</summary>
    /// <param name="input">The start input.</param>
    /// <returns>One message per problem; empty when the input fits.</returns>
    public IReadOnlyList<string> Check(JsonNode? input)
    {
        if (Fields.Count == 0)
            return [];
        if (input is not JsonObject obj)
            return [$"Input must be a JSON object, not {JsonValues.TypeName(input)}."];
        var problems = new List<string>();
        foreach (var field in Fields)
        {
            var present = obj.TryGetPropertyValue(field.Name, out var value) && value is not null;
            if (!present)
            {
                if (field.Required)
                    problems.Add($"Input field '{field.Name}' is required.");
                continue;
            }
            if (!Fits(value, field.Type))
                problems.Add($"Input field '{field.Name}' must be {field.Type.ToString().ToLowerInvariant()}, not {JsonValues.TypeName(value)}.");
        }
        return problems;
    }

    private static bool Fits(JsonNode? value, InputFieldType type) => type switch
    {
        InputFieldType.String => JsonValues.KindOf(value) == JsonValueKind.String,
        InputFieldType.Number => JsonValues.KindOf(value) == JsonValueKind.Number,
        InputFieldType.Integer => JsonValues.TryGetNumber(value, out var n) && decimal.Truncate(n) == n,
        InputFieldType.Boolean => JsonValues.KindOf(value) is JsonValueKind.True or JsonValueKind.False,
        InputFieldType.Object => value is JsonObject,
        InputFieldType.Array => value is JsonArray,
        _ => true,
    };
}
