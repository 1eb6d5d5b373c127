using System.Collections.Frozen;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Serverless.Api.Access;
using Serverless.Api.Routing;
using Serverless.Functions.Bindings;

namespace Serverless.Functions;

/// <summary>
/// The <see cref="RouteGuard"/> in front of every HTTP function of <see cref="ApiRoutes"/>: the Functions host has checked
/// the key; this checks the role. A refusal becomes the invocation's result and the function body never runs.
/// </summary>
/// <param name="guard">The shared guard.</param>
internal sealed class RouteAccessMiddleware(RouteGuard guard) : IFunctionsWorkerMiddleware
{
    private static readonly FrozenDictionary<string, ApiRoute> Routes = ApiRoutes.All.ToFrozenDictionary(r => r.FunctionName, StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (Routes.TryGetValue(context.FunctionDefinition.Name, out var route) && context.GetHttpContext() is { } http)
        {
            if (await guard.CheckAsync(http.Request, route, http.RequestAborted) is { } refusal)
            {
                context.GetInvocationResult().Value = refusal.AsActionResult();
                return;
            }
        }

        await next(context);
    }
}
