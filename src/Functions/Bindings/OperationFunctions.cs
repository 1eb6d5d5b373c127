using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Serverless.Api.Operations;
using Microsoft.DurableTask.Client;

namespace Serverless.Functions.Bindings;

/// <summary>Health and OpenAPI routes of <see cref="Serverless.Api.Routing.ApiRoutes"/>, bound to <see cref="HealthEndpoint"/> and <see cref="OpenApiDocument"/>.</summary>
/// <param name="health">The health handler.</param>
public sealed class OperationFunctions(HealthEndpoint health)
{
    /// <summary>Health of the host and its stores.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <returns>The handler's response.</returns>
    [Function("Health")]
    public Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        health.GetAsync(request, client, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>The OpenAPI document of every route.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The handler's response.</returns>
    [Function("OpenApiDocument")]
    public IActionResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        OpenApiDocument.Get(request).AsActionResult();
}
