using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Serverless.Api.Access;

/// <summary>
/// The keys a host knows and their roles, matched in constant time: every key is compared, whichever matches, and
/// each comparison takes the same time (both sides are SHA-256 digests), so timing tells a caller nothing.
/// </summary>
public sealed partial class AccessKeys
{
    /// <summary>The configuration section of named keys: <c>Keys:NAME:Key</c> and <c>Keys:NAME:Roles</c> (<c>Keys__NAME__Key</c> as app settings).</summary>
    public const string Section = "Keys";

    private readonly (AccessKey Key, byte[] Digest)[] _keys;

    /// <summary>Creates the set.</summary>
    /// <param name="keys">The keys.</param>
    /// <exception cref="ArgumentException">Two keys share a name or a value.</exception>
    public AccessKeys(IEnumerable<AccessKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys.Select(k => (k, Digest(k.Value)))];
        if (_keys.GroupBy(k => k.Key.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } name)
        {
            throw new ArgumentException($"Two keys are named '{name.Key}'.", nameof(keys));
        }

        if (_keys.GroupBy(k => Convert.ToHexString(k.Digest)).FirstOrDefault(g => g.Count() > 1) is { } same)
        {
            throw new ArgumentException($"Keys {string.Join(" and ", same.Select(k => $"'{k.Key.Name}'"))} have the same value; give each its own.", nameof(keys));
        }
    }

    /// <summary>Every key.</summary>
    public IReadOnlyList<AccessKey> All => [.. _keys.Select(k => k.Key)];

    /// <summary>The key <paramref name="candidate"/> is, or null.</summary>
    /// <param name="candidate">What the caller sent.</param>
    /// <returns>The matching key, or null.</returns>
    public AccessKey? Match(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return null;
        }

        var digest = Digest(candidate);
        AccessKey? found = null;
        foreach (var (key, expected) in _keys)
        {
            // No early exit: the time taken does not depend on which key (if any) matched.
            if (CryptographicOperations.FixedTimeEquals(digest, expected))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>Reads the named keys of the <see cref="Section"/> section.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="reserved">Names a named key may not take (e.g. <c>admin</c>).</param>
    /// <returns>The keys.</returns>
    /// <exception cref="InvalidOperationException">A key is incomplete or invalid; the message names the setting, never the value.</exception>
    public static IReadOnlyList<AccessKey> Read(IConfiguration configuration, params string[] reserved)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var keys = new List<AccessKey>();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            var setting = $"{Section}__{entry.Key}";
            if (!KeyName().IsMatch(entry.Key) || reserved.Contains(entry.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Setting {setting}: a key's name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit{(reserved.Length > 0 ? $", and not {string.Join(" or ", reserved)}" : string.Empty)}.");
            }

            var value = entry["Key"]?.Trim();
            if (string.IsNullOrEmpty(value) || value.Length < AccessKey.MinLength)
            {
                throw new InvalidOperationException($"Setting {setting}__Key must hold a key of at least {AccessKey.MinLength} characters.");
            }

            IReadOnlySet<ApiRole> roles;
            try
            {
                roles = ApiRoles.Parse(entry["Roles"], $"{setting}__Roles");
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException(e.Message, e);
            }

            if (roles.Count == 0)
            {
                throw new InvalidOperationException(
                    $"Setting {setting}__Roles must name at least one role of {string.Join(", ", ApiRoles.Assignable.Select(ApiRoles.Name))}.");
            }

            keys.Add(new AccessKey(entry.Key, value, roles));
        }

        return keys;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyName();
}
