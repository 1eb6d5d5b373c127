using System.Collections.Frozen;

namespace Serverless.Api.Access;

/// <summary>Role names as configuration, Entra app roles and <c>/api/me</c> spell them, and the rule of who may do what.</summary>
public static class ApiRoles
{
    /// <summary>The roles a caller can hold, in order (lower case, as they are written everywhere).</summary>
    public static IReadOnlyList<ApiRole> Assignable { get; } = [ApiRole.Reader, ApiRole.Author, ApiRole.Operator, ApiRole.Approver, ApiRole.Admin];

    private static readonly FrozenDictionary<string, ApiRole> ByName =
        Assignable.ToFrozenDictionary(Name, role => role, StringComparer.OrdinalIgnoreCase);

    /// <summary>The role's name: <c>reader</c>, <c>author</c>, <c>operator</c>, <c>approver</c>, <c>admin</c> (<c>anyone</c> for no role).</summary>
    /// <param name="role">The role.</param>
    /// <returns>The lower-case name.</returns>
    public static string Name(ApiRole role) => role switch
    {
        ApiRole.Anyone => "anyone",
        ApiRole.Reader => "reader",
        ApiRole.Author => "author",
        ApiRole.Operator => "operator",
        ApiRole.Approver => "approver",
        ApiRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Whether <paramref name="held"/> grants <paramref name="needed"/>: admin grants all, any role grants reading.</summary>
    /// <param name="held">The caller's roles.</param>
    /// <param name="needed">The route's role.</param>
    /// <returns>True when the call is allowed.</returns>
    public static bool Grants(IReadOnlySet<ApiRole> held, ApiRole needed)
    {
        ArgumentNullException.ThrowIfNull(held);
        return needed == ApiRole.Anyone
            || held.Contains(ApiRole.Admin)
            || held.Contains(needed)
            || (needed == ApiRole.Reader && held.Count > 0);
    }

    /// <summary>A role by its name (any case), or null for a name that is no role.</summary>
    /// <param name="name">The name, e.g. <c>operator</c> or <c>Operator</c>.</param>
    /// <returns>The role, or null.</returns>
    public static ApiRole? Find(string? name) => name is not null && ByName.TryGetValue(name.Trim(), out var role) ? role : null;

    /// <summary>Parses a comma-separated list such as <c>reader,operator</c>; an empty list is no role.</summary>
    /// <param name="text">The list.</param>
    /// <param name="setting">The setting it came from, for the message.</param>
    /// <returns>The roles.</returns>
    /// <exception cref="ArgumentException">A name is not a role; the message names the setting and the roles there are.</exception>
    public static IReadOnlySet<ApiRole> Parse(string? text, string setting)
    {
        var roles = new HashSet<ApiRole>();
        foreach (var part in (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            roles.Add(Find(part) ?? throw new ArgumentException(
                $"Setting {setting}: '{part}' is not a role; the roles are {string.Join(", ", Assignable.Select(Name))}.", nameof(text)));
        }

        return roles.ToFrozenSet();
    }

    /// <summary>The roles as their names, in <see cref="Assignable"/> order.</summary>
    /// <param name="roles">The roles.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> Names(IReadOnlySet<ApiRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return [.. Assignable.Where(roles.Contains).Select(Name)];
    }
}
