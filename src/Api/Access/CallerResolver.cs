using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;

namespace Serverless.Api.Access;

/// <summary>
/// Establishes the <see cref="Caller"/> of a request: the key it sends (<c>x-functions-key</c> or <c>code</c>) and,
/// where App Service authentication vouches for it, the principal's app roles. The name is the principal's, else the
/// named key's.
/// </summary>
/// <param name="options">Keys and trust.</param>
public sealed class CallerResolver(CallerResolverOptions options)
{
    /// <summary>The key header, as the Functions host reads it.</summary>
    public const string KeyHeader = "x-functions-key";

    /// <summary>The key query parameter, as the Functions host reads it.</summary>
    public const string KeyQuery = "code";

    private readonly AccessKeys _keys = new(options.Keys);

    /// <summary>The key the request sends, or an empty string.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The key.</returns>
    public static string SentKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[KeyHeader].ToString() is { Length: > 0 } header ? header : request.Query[KeyQuery].ToString();
    }

    /// <summary>Establishes the caller.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The caller.</returns>
    /// <exception cref="ApiProblemException">401 without a valid key; 400 for a malformed principal header.</exception>
    public async ValueTask<Caller> ResolveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sent = SentKey(request);
        var roles = new HashSet<ApiRole>();
        string via;
        string? keyName = null;
        if (_keys.Match(sent) is { } key)
        {
            roles.UnionWith(key.Roles);
            via = $"key '{key.Name}'";
            keyName = key.NamesCaller ? key.Name : null;
        }
        else if (sent.Length > 0 && options.IsMasterKey is { } isMaster && await isMaster(sent, cancellationToken))
        {
            roles.Add(ApiRole.Admin);
            via = "master key";
        }
        else if (options.OtherKeyRoles is { } other)
        {
            roles.UnionWith(other);
            via = "function key";
        }
        else
        {
            throw new ApiProblemException(
                StatusCodes.Status401Unauthorized,
                "Key required",
                sent.Length == 0
                    ? $"This route needs a key: send it in the {KeyHeader} header or the {KeyQuery} query parameter."
                    : $"The key sent in {KeyHeader} or {KeyQuery} is not valid for this route.");
        }

        // Principal headers are read only once the key is good: a caller without one learns nothing from their checks.
        var principal = ClientPrincipal.From(request);
        // App Service sends both headers; the name header is what approvers have always been matched on, so it wins.
        var name = CallerIdentity.HeaderName(request) ?? principal?.Name ?? keyName;
        if (principal is not null && options.PrincipalRolesTrusted)
        {
            var granted = principal.RoleValues.Select(ApiRoles.Find).OfType<ApiRole>().ToList();
            roles.UnionWith(granted);
            via = $"principal ({principal.IdentityProvider ?? "unknown provider"}) and {via}";
        }

        return new Caller(name, roles.ToFrozenSet(), via);
    }
}
