using Microsoft.Extensions.Configuration.Memory;
using Serverless.Api.Logging;

namespace Serverless.Host.Logging;

/// <summary>
/// The local host's logging: quiet by default (warnings and errors, plus one line per workflow start, completion
/// and failure), louder with the <c>LogLevel</c> setting, and never a secret in any line at any level.
/// </summary>
public static class HostLogging
{
    /// <summary>The setting that sets the level of every category (e.g. <c>Information</c> brings back the request lines).</summary>
    public const string LevelSetting = "LogLevel";

    /// <summary>The category of the workflow interpreter's start, completion and failure lines.</summary>
    public const string WorkflowCategory = "Serverless.Orchestrations.Workflows.WorkflowOrchestrator";

    /// <summary>
    /// Puts the default levels below every other configuration source, so <c>Logging:LogLevel:*</c> entries (environment,
    /// command line, local.settings.json) still win, and makes every logger redact secrets.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="secrets">Literal secrets (the admin key, storage keys) to mask wherever they appear; the values of the
    /// <c>Secrets</c> section, which activities resolve, are masked too.</param>
    /// <exception cref="InvalidOperationException">The <c>LogLevel</c> setting is not a level name.</exception>
    public static void Configure(WebApplicationBuilder builder, IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaults = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (builder.Configuration[LevelSetting] is { Length: > 0 } text)
        {
            if (!Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) || !Enum.IsDefined(level) || int.TryParse(text, out _))
            {
                throw new InvalidOperationException(
                    $"Setting {LevelSetting} must be one of {string.Join(", ", Enum.GetNames<LogLevel>())}, not '{text}'.");
            }

            defaults["Logging:LogLevel:Default"] = level.ToString();
        }
        else
        {
            defaults["Logging:LogLevel:Default"] = nameof(LogLevel.Warning);
            defaults[$"Logging:LogLevel:{WorkflowCategory}"] = nameof(LogLevel.Information);
            defaults["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = nameof(LogLevel.Information);
        }

        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        builder.Services.AddRedactedLogging(new SecretRedactor(secrets, new ConfiguredSecretValues(builder.Configuration)));
    }
}
