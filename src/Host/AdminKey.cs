using System.Security.Cryptography;

namespace Serverless.Host;

/// <summary>
/// The local host's admin key: from the <c>AdminKey</c> setting, else <c>data/admin.key</c>, else generated and
/// written there. It holds the admin role (every route), as the Functions master key does; <see cref="LocalCallers"/>
/// matches it in constant time with the named keys.
/// </summary>
public sealed class AdminKey
{
    private AdminKey(string value, string source)
    {
        Value = value;
        Source = source;
    }

    /// <summary>The key.</summary>
    public string Value { get; }

    /// <summary>Where it came from (the setting or the file path).</summary>
    public string Source { get; }

    /// <summary>Loads or creates the key.</summary>
    /// <param name="settings">The host settings.</param>
    /// <returns>The key.</returns>
    public static AdminKey Load(HostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AdminKey is { } configured)
        {
            return new AdminKey(configured, "setting AdminKey");
        }

        var path = Path.Combine(settings.DataDirectory, "admin.key");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } stored)
        {
            return new AdminKey(stored, path);
        }

        Directory.CreateDirectory(settings.DataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(path, key);
        return new AdminKey(key, path);
    }
}
