using System.Text.Json;
using System.Text.RegularExpressions;

namespace Serverless.Runtime;

/// <summary>
/// Reads <c>extensions.durableTask</c> from the Functions <c>host.json</c>, so one file configures both the
/// Azure host and the embedded runtime. <c>%NAME%</c> values are resolved from app settings, as Functions does.
/// </summary>
public static partial class HostJsonSettings
{
    /// <summary>Applies host.json's durableTask settings to <paramref name="options"/>; a missing file leaves them as they are.</summary>
    /// <param name="path">Path of host.json.</param>
    /// <param name="options">The options to start from.</param>
    /// <param name="resolveSetting">Looks up an app setting (e.g. from configuration or the environment).</param>
    /// <exception cref="InvalidDataException">The file is not valid JSON or a value has the wrong type.</exception>
    public static DurableRuntimeOptions Apply(string path, DurableRuntimeOptions options, Func<string, string?> resolveSetting)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resolveSetting);
        if (!File.Exists(path))
        {
            return options;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("extensions", out var extensions)
                || !extensions.TryGetProperty("durableTask", out var durable))
            {
                return options;
            }

            return options with
            {
                HubName = ReadString(durable, "hubName", resolveSetting) ?? options.HubName,
                MaxConcurrentActivityFunctions = ReadInt(durable, "maxConcurrentActivityFunctions") ?? options.MaxConcurrentActivityFunctions,
                MaxConcurrentOrchestratorFunctions = ReadInt(durable, "maxConcurrentOrchestratorFunctions") ?? options.MaxConcurrentOrchestratorFunctions,
                Limits = options.Limits with
                {
                    MaxPayloadBytes = ReadInt(durable, "maxPayloadBytes") ?? options.Limits.MaxPayloadBytes,
                    MaxHistoryEvents = ReadInt(durable, "maxHistoryEvents") ?? options.Limits.MaxHistoryEvents,
                    MaxActionsPerEpisode = ReadInt(durable, "maxActionsPerEpisode") ?? options.Limits.MaxActionsPerEpisode,
                },
            };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static string? ReadString(JsonElement section, string name, Func<string, string?> resolveSetting)
    {
        if (!section.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException($"host.json extensions.durableTask.{name} must be a string.");
        }

        var text = value.GetString()!;
        var resolved = SettingReference().Replace(text, m => resolveSetting(m.Groups[1].Value) ?? string.Empty);
        return resolved.Length == 0 ? null : resolved;
    }

    private static int? ReadInt(JsonElement section, string name)
    {
        if (!section.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < 1)
        {
            throw new InvalidDataException($"host.json extensions.durableTask.{name} must be a positive whole number.");
        }

        return number;
    }

    [GeneratedRegex("%([A-Za-z0-9_:.-]+)%")]
    private static partial Regex SettingReference();
}
