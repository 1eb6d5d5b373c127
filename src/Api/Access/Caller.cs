namespace Serverless.Api.Access;

/// <summary>Who is calling and what they may do, as the host established it for one request.</summary>
/// <param name="Name">The principal's name (or a named key's name); null when the request names no one.</param>
/// <param name="Roles">The roles held.</param>
/// <param name="Via">How the caller was recognised, for the audit trail and <c>/api/me</c> (never a key or token).</param>
public sealed record Caller(string? Name, IReadOnlySet<ApiRole> Roles, string Via)
{
    /// <summary>Whether the caller may call a route that needs <paramref name="role"/>.</summary>
    /// <param name="role">The route's role.</param>
    /// <returns>True when allowed.</returns>
    public bool May(ApiRole role) => ApiRoles.Grants(Roles, role);
}
