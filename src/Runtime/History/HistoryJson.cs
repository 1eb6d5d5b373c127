using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.Runtime.History;

/// <summary>The one JSON shape of history events, used by stores and stored replay fixtures.</summary>
public static class HistoryJson
{
    /// <summary>Options for (de)serializing <see cref="HistoryEvent"/> values.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Stored, not embedded in HTML: payload JSON stays readable instead of \u0022-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new TaskNameJsonConverter() },
    };

    /// <summary>Serializes one event.</summary>
    public static string Serialize(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent, Options);

    /// <summary>Deserializes one event.</summary>
    public static HistoryEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json, Options) ?? throw new JsonException("A history event was null.");

    /// <summary>Serializes a whole history as a JSON array.</summary>
    public static string SerializeList(IEnumerable<HistoryEvent> history) => JsonSerializer.Serialize(history, Options);

    /// <summary>Deserializes a whole history from a JSON array.</summary>
    public static IReadOnlyList<HistoryEvent> DeserializeList(string json) =>
        JsonSerializer.Deserialize<List<HistoryEvent>>(json, Options) ?? [];
}
