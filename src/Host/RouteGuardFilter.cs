using Serverless.Api.Access;
using Serverless.Api.Routing;

namespace Serverless.Host;

/// <summary>Runs the <see cref="RouteGuard"/> before a route's handler: the key (<c>x-functions-key</c> or <c>code</c>) and the role it needs.</summary>
/// <param name="route">The route.</param>
/// <param name="guard">The guard.</param>
internal sealed class RouteGuardFilter(ApiRoute route, RouteGuard guard) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return await guard.CheckAsync(http.Request, route, http.RequestAborted) ?? await next(context);
    }
}
