using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;
using Serverless.Api.Routing;

namespace Serverless.Api.Access;

/// <summary>
/// Runs before every route's handler on both hosts: establishes the caller (<see cref="CallerResolver"/>) and lets the
/// call through only when one of its roles grants the route's <see cref="ApiRoute.Role"/>. A refusal is a 403 problem
/// that names the role needed, is written to the access trail (<see cref="AccessTrail"/>), and changes nothing else.
/// </summary>
public sealed class RouteGuard
{
    private readonly CallerResolver _resolver;
    private readonly AccessTrail _access;

    /// <summary>Creates the guard.</summary>
    /// <param name="resolver">Establishes callers.</param>
    /// <param name="access">Where refusals are recorded.</param>
    public RouteGuard(CallerResolver resolver, AccessTrail access)
    {
        _resolver = resolver;
        _access = access;
    }

    /// <summary>Checks a call; null lets it through, anything else is the answer to send instead of the handler's.</summary>
    /// <param name="request">The request.</param>
    /// <param name="route">The route it reached.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Null when allowed; a 400, 401 or 403 problem otherwise.</returns>
    public async Task<IResult?> CheckAsync(HttpRequest request, ApiRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        if (route.Authorization == RouteAuthorization.Anonymous)
        {
            return null;
        }

        // A keyed route that names no role yet (a guard test fails for it) is closed to all but admin, not open.
        var needed = route.Role ?? ApiRole.Admin;
        Caller caller;
        try
        {
            caller = await _resolver.ResolveAsync(request, cancellationToken);
        }
        catch (ApiProblemException e)
        {
            return Problems.From(e);
        }

        CallerIdentity.SetCaller(request, caller);
        if (caller.May(needed))
        {
            return null;
        }

        var neededName = ApiRoles.Name(needed);
        var held = ApiRoles.Names(caller.Roles);
        var detail = $"{route.FunctionName} needs the {neededName} role (or admin); {Who(caller)} holds {(held.Count == 0 ? "no role" : string.Join(", ", held))}.";
        await _access.RecordAsync(request, route.FunctionName, needed, detail, cancellationToken);
        return Problems.Create(
            StatusCodes.Status403Forbidden,
            "Role required",
            detail,
            new Dictionary<string, object?> { ["requiredRole"] = neededName, ["roles"] = held });
    }

    private static string Who(Caller caller) => caller.Name is { } name ? $"'{name}' ({caller.Via})" : $"the caller ({caller.Via})";
}
