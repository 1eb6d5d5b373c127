using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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
        if (context.GetHttpContext() is { } http && await RefusalAsync(guard, context.FunctionDefinition.Name, http) is { } refusal)
        {
            context.GetInvocationResult().Value = refusal;
            return;
        }

        await next(context);
    }

    /// <summary>The answer that replaces a product route's function when the caller lacks its role; null lets it run.</summary>
    /// <param name="guard">The shared guard.</param>
    /// <param name="functionName">The invoked function.</param>
    /// <param name="http">The request's context.</param>
    /// <returns>The refusal (400, 401 or 403 problem), or null.</returns>
    internal static async Task<IActionResult?> RefusalAsync(RouteGuard guard, string functionName, HttpContext http) =>
        Routes.TryGetValue(functionName, out var route) && await guard.CheckAsync(http.Request, route, http.RequestAborted) is { } refusal
            ? refusal.AsActionResult()
            : null;
}
