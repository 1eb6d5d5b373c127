using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Storage;

/// <summary>
/// The Table service's JSON entity format: values JSON can carry unambiguously are written plainly, the rest
/// (Int64, Double, DateTime, Guid, Binary) with a <c>Name@odata.type</c> annotation. The SQLite store keeps
/// entities in this form, and <see cref="TableLimits"/> measures batch bodies with it.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Write(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("PartitionKey", entity.PartitionKey);
            json.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in TableLimits.Properties(entity))
            {
                WriteProperty(json, name, value);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static TableEntity Read(JsonElement element)
    {
        var entity = new TableEntity();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                if (name == "odata.etag")
                {
                    entity.ETag = new ETag(property.Value.GetString()!);
                }

                continue;
            }

            var type = element.TryGetProperty(name + TypeSuffix, out var t) ? t.GetString() : null;
            switch (name)
            {
                case "PartitionKey": entity.PartitionKey = property.Value.GetString()!; break;
                case "RowKey": entity.RowKey = property.Value.GetString()!; break;
                case "Timestamp": entity.Timestamp = ParseDate(property.Value.GetString()!); break;
                default: entity[name] = ReadValue(property.Value, type); break;
            }
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: return;
            case string s: json.WriteString(name, s); return;
            case bool b: json.WriteBoolean(name, b); return;
            case int i: json.WriteNumber(name, i); return;
            case long l: Annotated(json, name, "Edm.Int64", l.ToString(CultureInfo.InvariantCulture)); return;
            case double d: WriteDouble(json, name, d); return;
            case DateTimeOffset o: Annotated(json, name, "Edm.DateTime", FormatDate(o)); return;
            case DateTime d: Annotated(json, name, "Edm.DateTime", FormatDate(ToUtc(d))); return;
            case Guid g: Annotated(json, name, "Edm.Guid", g.ToString("D")); return;
            case byte[] b: Annotated(json, name, "Edm.Binary", Convert.ToBase64String(b)); return;
            case BinaryData b: Annotated(json, name, "Edm.Binary", Convert.ToBase64String(b.ToArray())); return;
            default: throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteDouble(Utf8JsonWriter json, string name, double d)
    {
        json.WriteString(name + TypeSuffix, "Edm.Double");
        if (double.IsFinite(d))
        {
            json.WriteNumber(name, d);
        }
        else
        {
            json.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void Annotated(Utf8JsonWriter json, string name, string type, string value)
    {
        json.WriteString(name + TypeSuffix, type);
        json.WriteString(name, value);
    }

    private static object? ReadValue(JsonElement value, string? type) => type switch
    {
        "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.Double" when value.ValueKind == JsonValueKind.String => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.Double" => value.GetDouble(),
        "Edm.DateTime" => ParseDate(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => Convert.FromBase64String(value.GetString()!),
        "Edm.Int32" => value.GetInt32(),
        "Edm.Boolean" => value.GetBoolean(),
        "Edm.String" => value.GetString(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.Null => null,
            _ => throw new FormatException($"Unexpected JSON {value.ValueKind} in a table entity."),
        },
    };

    /// <summary>The service stores DateTime with 100 ns precision, always UTC.</summary>
    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset ToUtc(DateTime d) =>
        new(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime());
}
