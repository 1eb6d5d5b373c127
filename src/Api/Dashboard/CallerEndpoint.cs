using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;

namespace Serverless.Api.Dashboard;

/// <summary>
/// <c>GET /api/me</c>: who the host says the caller is. The dashboard shows this name and never sends one of its own,
/// so a user acts only as the principal App Service authentication (or, locally, the header) establishes.
/// </summary>
public static class CallerEndpoint
{
    /// <summary>Answers with the caller's principal name, or null when the request carries none.</summary>
    /// <param name="request">The request.</param>
    /// <returns><c>{ "name": …, "signedIn": bool, "identityProvider": … }</c>.</returns>
    public static IResult Get(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = CallerIdentity.Name(request);
        var provider = request.Headers["x-ms-client-principal-idp"].ToString();
        return Results.Json(new Dictionary<string, object?>
        {
            ["name"] = name,
            ["signedIn"] = name is not null,
            ["identityProvider"] = name is not null && provider.Length > 0 ? provider : null,
        });
    }
}
