using Serverless.Api.Access;

namespace Serverless.Host;

/// <summary>
/// How the local host recognises callers: the admin key is <c>admin</c>, each named key has its configured roles, any
/// other key is refused (401). Principal headers name the caller but grant nothing: nothing signs callers in locally.
/// </summary>
internal static class LocalCallers
{
    /// <summary>The resolver for these settings.</summary>
    /// <param name="adminKey">The admin key.</param>
    /// <param name="settings">The named keys.</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="InvalidOperationException">Two keys (the admin key among them) share a value.</exception>
    public static CallerResolver Resolver(AdminKey adminKey, HostSettings settings)
    {
        try
        {
            return new CallerResolver(new CallerResolverOptions
            {
                Keys = [new AccessKey("admin", adminKey.Value, new HashSet<ApiRole> { ApiRole.Admin }) { NamesCaller = false }, .. settings.Keys],
                PrincipalRolesTrusted = false,
            });
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
