namespace Serverless.Api.Access;

/// <summary>A named key and the roles it grants (<c>Keys__NAME__Key</c>, <c>Keys__NAME__Roles</c>).</summary>
/// <param name="Name">The key's name: who a caller with this key is when no principal is sent.</param>
/// <param name="Value">The key itself; never logged.</param>
/// <param name="Roles">The roles it grants.</param>
public sealed record AccessKey(string Name, string Value, IReadOnlySet<ApiRole> Roles)
{
    /// <summary>Whether a caller with this key is called <see cref="Name"/> when it names no principal (not the admin key:
    /// its callers stay unnamed, as before roles).</summary>
    public bool NamesCaller { get; init; } = true;

    /// <summary>The shortest named key accepted.</summary>
    public const int MinLength = 16;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({string.Join(",", ApiRoles.Names(Roles))})";
}
