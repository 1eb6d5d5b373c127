using System.Text.Json.Nodes;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Parsing;

/// <summary>
/// Reads the properties of one JSON object, reporting wrong types and missing values; every property read
/// is marked known, and <see cref="Finish"/> reports the rest as unknown (typos must not pass silently).
/// </summary>
internal sealed partial class ObjectReader
{
    private readonly JsonObject _object;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public ObjectReader(JsonObject obj, string path, DiagnosticBag diagnostics)
    {
        _object = obj;
        Path = path;
        Diagnostics = diagnostics;
    }

    public string Path { get; }

    public DiagnosticBag Diagnostics { get; }

    public IEnumerable<string> Names => _object.Select(p => p.Key).ToList();

    public string PathOf(string name) => JsonPath.Property(Path, name);

    public bool Has(string name) => _object.TryGetPropertyValue(name, out var value) && value is not null;

    /// <summary>Marks a property known and returns its value (null when absent or JSON null).</summary>
    public JsonNode? Raw(string name, bool required = false)
    {
        _known.Add(name);
        if (_object.TryGetPropertyValue(name, out var value) && value is not null)
            return value;
        if (required)
            Diagnostics.Add(DiagnosticCodes.MissingProperty, PathOf(name), $"Property '{name}' is required here.");
        return null;
    }

    public string? String(string name, bool required = false)
    {
        var value = Raw(name, required);
        if (value is null)
            return null;
        if (JsonValues.TryGetString(value, out var text))
            return text;
        WrongType(name, "a string", value);
        return null;
    }

    public int? Int(string name, int min, int max, bool required = false)
    {
        var value = Raw(name, required);
        if (value is null)
            return null;
        if (!JsonValues.TryGetNumber(value, out var number) || decimal.Truncate(number) != number)
        {
            WrongType(name, "an integer", value);
            return null;
        }
        if (number < min || number > max)
        {
            Diagnostics.Add(DiagnosticCodes.InvalidValue, PathOf(name), $"'{name}' must be between {min} and {max}, not {number}.");
            return null;
        }
        return (int)number;
    }

    public bool? Bool(string name)
    {
        var value = Raw(name);
        if (value is null)
            return null;
        if (value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
            return value.GetValue<bool>();
        WrongType(name, "true or false", value);
        return null;
    }

    public double? Number(string name, double min, double max)
    {
        var value = Raw(name);
        if (value is null)
            return null;
        if (!JsonValues.TryGetNumber(value, out var number))
        {
            WrongType(name, "a number", value);
            return null;
        }
        if ((double)number < min || (double)number > max)
        {
            Diagnostics.Add(DiagnosticCodes.InvalidValue, PathOf(name), $"'{name}' must be between {min} and {max}, not {number}.");
            return null;
        }
        return (double)number;
    }

    public ObjectReader? Object(string name, bool required = false)
    {
        var value = Raw(name, required);
        if (value is null)
            return null;
        if (value is JsonObject obj)
            return new ObjectReader(obj, PathOf(name), Diagnostics);
        WrongType(name, "an object", value);
        return null;
    }

    public JsonArray? Array(string name, bool required = false)
    {
        var value = Raw(name, required);
        if (value is null)
            return null;
        if (value is JsonArray array)
            return array;
        WrongType(name, "an array", value);
        return null;
    }

    public IReadOnlyList<string> StringList(string name, bool required = false)
    {
        var array = Array(name, required);
        if (array is null)
            return [];
        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (JsonValues.TryGetString(array[i], out var text) && text.Length > 0)
                result.Add(text);
            else
                Diagnostics.Add(DiagnosticCodes.WrongType, JsonPath.Item(PathOf(name), i), $"Items of '{name}' must be non-empty strings.");
        }
        return result;
    }

    public void Finish()
    {
        foreach (var (name, _) in _object)
        {
            if (_known.Contains(name))
                continue;
            var hint = ClosestKnown(name) is { } guess ? $" Did you mean '{guess}'?" : string.Empty;
            Diagnostics.Add(DiagnosticCodes.UnknownProperty, PathOf(name), $"Unknown property '{name}'.{hint}");
        }
    }

    public void WrongType(string name, string expected, JsonNode? value) =>
        Diagnostics.Add(DiagnosticCodes.WrongType, PathOf(name), $"'{name}' must be {expected}, not {JsonValues.TypeName(value)}.");

    private string? ClosestKnown(string name) =>
        _known.Select(k => (Name: k, Distance: EditDistance(name.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(k => k.Distance <= Math.Max(1, k.Name.Length / 3))
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
            return int.MaxValue;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
