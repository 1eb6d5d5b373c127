using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Serverless.Api.Dashboard;

namespace Serverless.Functions.Bindings;

/// <summary>
/// The dashboard routes of <see cref="Serverless.Api.Routing.ApiRoutes"/>: its files (<see cref="DashboardFiles"/>, at
/// <c>/api/dashboard/</c>) and the caller's identity (<see cref="CallerEndpoint"/>), which App Service authentication sets.
/// </summary>
public static class DashboardFunctions
{
    /// <summary>Who the host says the caller is.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The handler's response.</returns>
    [Function("WhoAmI")]
    public static IActionResult WhoAmI([HttpTrigger(AuthorizationLevel.Function, "get", Route = "me")] HttpRequest request) =>
        CallerEndpoint.Get(request).AsActionResult();

    /// <summary>One file of the browser dashboard.</summary>
    /// <param name="request">The request.</param>
    /// <param name="path">The file path under the dashboard.</param>
    /// <returns>The handler's response.</returns>
    [Function("Dashboard")]
    public static IActionResult Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*path}")] HttpRequest request, string? path) =>
        DashboardFiles.Get(request, path).AsActionResult();
}
