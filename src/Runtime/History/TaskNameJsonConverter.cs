using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;

namespace Serverless.Runtime.History;

/// <summary>
/// Stores Durable Task's <see cref="TaskName"/> (a struct System.Text.Json cannot construct) as its name string;
/// also reads the <c>{"name": …, "version": …}</c> object that histories written before this converter hold.
/// </summary>
internal sealed class TaskNameJsonConverter : JsonConverter<TaskName>
{
    /// <inheritdoc />
    public override TaskName Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new TaskName(reader.GetString()!);
            case JsonTokenType.StartObject:
                string? name = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var property = reader.GetString();
                    reader.Read();
                    if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase))
                    {
                        name = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return new TaskName(name ?? throw new JsonException("A stored task name has no 'name'."));
            default:
                throw new JsonException($"A task name must be a string, not {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TaskName value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name);
    }
}
