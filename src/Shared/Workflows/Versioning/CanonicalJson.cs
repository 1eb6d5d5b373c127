using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;

namespace Serverless.Workflows.Versioning;

/// <summary>
/// Canonical JSON: object keys sorted by ordinal order, no insignificant whitespace, numbers without
/// trailing zeros. Two sources that differ only in formatting, key order or number spelling hash the same.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Writes a value in canonical form.</summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The canonical text.</returns>
    public static string Serialize(JsonNode? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            Write(writer, value);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>SHA-256 of the canonical UTF-8 text, as <c>sha256:</c> followed by lowercase hex.</summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The content hash.</returns>
    public static string Hash(JsonNode? value) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(value))));

    private static void Write(Utf8JsonWriter writer, JsonNode? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, child);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                if (JsonValues.TryGetNumber(value, out var number))
                    writer.WriteRawValue(number.ToString("G29", CultureInfo.InvariantCulture));
                else
                    value.WriteTo(writer);
                break;
        }
    }
}
