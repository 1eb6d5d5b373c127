using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;
using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Parsing;

/// <summary>
/// Reads JSON or YAML definitions into the model, collecting every structural problem (syntax, unknown or
/// missing properties, wrong types, bad durations, cron, time zones and malformed expressions) with its location.
/// Never throws for bad input.
/// </summary>
public static partial class WorkflowParser
{
    /// <summary>Default maximum source size in UTF-8 bytes.</summary>
    public const int DefaultMaxBytes = 256 * 1024;

    /// <summary>Parses a definition.</summary>
    /// <param name="text">The source text.</param>
    /// <param name="format">JSON or YAML.</param>
    /// <param name="maxBytes">Largest accepted source, in UTF-8 bytes.</param>
    /// <returns>The model (possibly with placeholders) and every problem found.</returns>
    public static ParseResult Parse(string text, SourceFormat format = SourceFormat.Json, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');
        var map = new SourceMap();
        var diagnostics = new DiagnosticBag(map);
        if (Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            diagnostics.Add(DiagnosticCodes.TooLarge, "$", $"The definition is larger than {maxBytes} bytes.");
            return new ParseResult(null, null, map, diagnostics.Items);
        }
        var document = format == SourceFormat.Yaml
            ? YamlSourceReader.Read(text, map, diagnostics)
            : JsonSourceReader.Read(text, map, diagnostics);
        if (document is null)
            return new ParseResult(null, null, map, diagnostics.Items);
        if (document is not JsonObject root)
        {
            diagnostics.Add(DiagnosticCodes.WrongType, "$", "A definition must be a JSON object.");
            return new ParseResult(null, document, map, diagnostics.Items);
        }
        var definition = ReadDefinition(new ObjectReader(root, "$", diagnostics));
        return new ParseResult(definition, document, map, diagnostics.Items);
    }

    /// <summary>Whether a text is a step id or variable name: a letter, then up to 63 letters, digits or '_'.</summary>
    /// <param name="text">The candidate.</param>
    /// <returns>True when valid.</returns>
    public static bool IsIdentifier(string text) => IdentifierPattern().IsMatch(text);

    /// <summary>Whether a text is a workflow or activity name: a letter, then up to 127 letters, digits, '.', '_' or '-'.</summary>
    /// <param name="text">The candidate.</param>
    /// <returns>True when valid.</returns>
    public static bool IsName(string text) => NamePattern().IsMatch(text);

    private static WorkflowDefinition ReadDefinition(ObjectReader reader)
    {
        var name = ReadName(reader, "name");
        var version = reader.Int("version", 1, int.MaxValue, required: true) ?? 1;
        var definition = new WorkflowDefinition
        {
            Name = name,
            Version = version,
            Description = reader.String("description"),
            Input = ReadInputSchema(reader.Object("input")),
            Vars = reader.TemplateMap("vars"),
            Steps = new StepReader(reader.Diagnostics).ReadSequence(reader.Array("steps", required: true), reader.PathOf("steps")).Steps,
            Output = reader.Raw("output") is { } output ? ObjectReader.CompileTemplate(output, reader.PathOf("output"), reader.Diagnostics) : null,
            Timeout = reader.Duration("timeout"),
            Retention = reader.Duration("retention"),
            OnFailure = reader.Enum("onFailure", FailureMode.Fail),
            Tags = reader.StringList("tags"),
            Schedule = ReadSchedule(reader.Object("schedule")),
        };
        reader.Raw("$schema");
        reader.Finish();
        return definition;
    }

    internal static string ReadName(ObjectReader reader, string property)
    {
        var name = reader.String(property, required: true);
        if (name is not null && !IsName(name))
        {
            reader.Diagnostics.Add(DiagnosticCodes.InvalidIdentifier, reader.PathOf(property),
                $"'{name}' is not a valid name: a letter, then letters, digits, '.', '_' or '-' (at most 128).");
        }
        return name ?? string.Empty;
    }

    private static InputSchema ReadInputSchema(ObjectReader? reader)
    {
        if (reader is null)
            return InputSchema.Empty;
        var fields = new List<InputField>();
        var required = reader.StringList("required");
        var properties = reader.Object("properties");
        reader.Finish();
        if (properties is null)
            return new InputSchema(required.Select(r => new InputField(r, InputFieldType.Any, true)).ToList());
        foreach (var name in properties.Names)
        {
            var field = properties.Object(name);
            if (field is null)
                continue;
            fields.Add(new InputField(name, field.Enum("type", InputFieldType.Any), required.Contains(name), field.String("description")));
            field.Finish();
        }
        foreach (var missing in required.Where(r => fields.TrueForAll(f => f.Name != r)))
            fields.Add(new InputField(missing, InputFieldType.Any, true));
        return new InputSchema(fields);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex NamePattern();
}
