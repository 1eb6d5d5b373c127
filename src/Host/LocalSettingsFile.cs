using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Serverless.Host;

/// <summary>Reads <c>local.settings.json</c> as <c>func start</c> does: its <c>Values</c> become configuration.</summary>
public static class LocalSettingsFile
{
    /// <summary>The values of the file, or none when it does not exist.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The values.</returns>
    /// <exception cref="InvalidDataException">The file is not valid JSON or <c>Values</c> is not an object of strings.</exception>
    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, string?>();
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("Values", out var values))
            {
                return new Dictionary<string, string?>();
            }

            if (values.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: 'Values' must be an object.");
            }

            return values.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()
                    : p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? p.Value.GetRawText()
                    : throw new InvalidDataException($"{path}: Values.{p.Name} must be a string, number or boolean."),
                StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Adds the file's values to configuration, below environment variables and the command line. As <c>func start</c>
    /// exports them as environment variables, a <c>__</c> in a name separates sections (<c>Secrets__SHOP_TOKEN</c> is
    /// <c>Secrets:SHOP_TOKEN</c>).
    /// </summary>
    /// <param name="configuration">The configuration manager.</param>
    /// <param name="path">The file.</param>
    /// <param name="args">The command-line arguments, re-added so they keep the last word.</param>
    public static void AddTo(ConfigurationManager configuration, string path, string[] args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // As environment variables do, "__" nests (Keys__ci__Key is Keys:ci:Key); the flat name stays for settings read that way.
        var values = Read(path);
        configuration.AddInMemoryCollection(values.Concat(values.Where(v => v.Key.Contains("__", StringComparison.Ordinal))
            .Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value))));
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }
}
