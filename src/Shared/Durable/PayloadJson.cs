using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Serverless.Durable;

/// <summary>
/// The one JSON form of orchestration inputs, outputs, custom status and event payloads on every host:
/// System.Text.Json web defaults (camelCase, case-insensitive reads), times as <see cref="UtcTimeText"/>, as the
/// Functions worker is configured too.
/// </summary>
public static class PayloadJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new UtcDateTimeOffsetJsonConverter(), new UtcDateTimeJsonConverter() },
    };

    /// <summary>Durable Task's JSON converter over <see cref="Options"/>.</summary>
    public static DataConverter Converter { get; } = new JsonDataConverter(Options);
}
