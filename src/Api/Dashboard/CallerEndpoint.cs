using Microsoft.AspNetCore.Http;
using Serverless.Api.Access;
using Serverless.Api.Http;

namespace Serverless.Api.Dashboard;

/// <summary>
/// <c>GET /api/me</c>: who the host says the caller is and what they may do. The dashboard shows this name, never sends
/// one of its own, and offers only the actions the roles allow (the routes check them again).
/// </summary>
public static class CallerEndpoint
{
    /// <summary>Answers with the caller's principal name (null when the request carries none) and roles.</summary>
    /// <param name="request">The request.</param>
    /// <returns><c>{ "name": …, "signedIn": bool, "identityProvider": …, "roles": [...], "via": … }</c>.</returns>
    public static IResult Get(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The route guard has established the caller (and refused a malformed principal) before this runs.
        var caller = CallerIdentity.Caller(request);
        var name = caller is null ? CallerIdentity.Name(request) : caller.Name;
        var provider = request.Headers["x-ms-client-principal-idp"].ToString();
        return Results.Json(new Dictionary<string, object?>
        {
            ["name"] = name,
            ["signedIn"] = name is not null,
            ["identityProvider"] = name is not null && provider.Length > 0 ? provider : null,
            ["roles"] = caller is null ? [] : ApiRoles.Names(caller.Roles),
            ["via"] = caller?.Via,
        });
    }
}
