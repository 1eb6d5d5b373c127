using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Serverless.Secrets;

namespace Serverless.Api.Logging;

/// <summary>
/// The values of the <c>Secrets</c> configuration section (<c>Secrets__NAME</c>), and their URL-encoded forms, as the
/// log redactor masks them: read once and again whenever configuration reloads, so a value an activity resolves is
/// masked in every log line, whatever wrote it.
/// </summary>
public sealed class ConfiguredSecretValues
{
    private readonly IConfigurationSection _section;
    private volatile string[] _values;

    /// <summary>Reads the section and follows its reloads.</summary>
    /// <param name="configuration">The app's configuration.</param>
    public ConfiguredSecretValues(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _section = configuration.GetSection(ConfigurationSecretSource.Section);
        _values = Read(_section);
        ChangeToken.OnChange(_section.GetReloadToken, () => _values = Read(_section));
    }

    /// <summary>Every configured value and encoded form, longest first.</summary>
    public IReadOnlyList<string> Current => _values;

    private static string[] Read(IConfigurationSection section) =>
        [.. section.GetChildren()
            .Select(c => c.Value)
            .Where(v => !string.IsNullOrEmpty(v))
            .SelectMany(v => new[] { v!, Uri.EscapeDataString(v!), WebUtility.UrlEncode(v!) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)];
}
