using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;

namespace Serverless.Secrets;

/// <summary>
/// Secrets from configuration's <c>Secrets</c> section: the app setting or environment variable
/// <c>Secrets__NAME</c> (<c>Secrets:NAME</c> in JSON). In Azure such a setting can be a Key Vault reference, which App
/// Service resolves before the worker reads it. Only that section is reachable, so a definition cannot read the
/// storage connection string or any other setting.
/// </summary>
/// <param name="configuration">The app's configuration.</param>
public sealed class ConfigurationSecretSource(IConfiguration configuration) : ISecretSource
{
    /// <summary>The configuration section secrets live in.</summary>
    public const string Section = "Secrets";

    /// <inheritdoc />
    public bool Exists(string name) => TryGet(name, out _);

    /// <inheritdoc />
    public bool TryGet(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (!SecretName.IsValid(name))
        {
            return false;
        }

        var found = configuration[$"{Section}:{name}"];
        if (string.IsNullOrEmpty(found))
        {
            return false;
        }

        value = found;
        return true;
    }
}
