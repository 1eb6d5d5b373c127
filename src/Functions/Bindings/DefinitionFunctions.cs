using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Serverless.Api.Definitions;

namespace Serverless.Functions.Bindings;

/// <summary>Definition routes of <see cref="Serverless.Api.Routing.ApiRoutes"/>, bound to <see cref="DefinitionEndpoints"/>.</summary>
/// <param name="endpoints">The shared handlers.</param>
public sealed class DefinitionFunctions(DefinitionEndpoints endpoints)
{
    /// <summary>Publish a definition.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The handler's response.</returns>
    [Function("PublishDefinition")]
    public Task<IActionResult> PublishDefinition([HttpTrigger(AuthorizationLevel.Function, "post", Route = "definitions")] HttpRequest request) =>
        endpoints.PublishAsync(request, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>List workflows.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The handler's response.</returns>
    [Function("ListDefinitions")]
    public Task<IActionResult> ListDefinitions([HttpTrigger(AuthorizationLevel.Function, "get", Route = "definitions")] HttpRequest request) =>
        endpoints.ListAsync(request, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Get a definition.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The workflow name.</param>
    /// <returns>The handler's response.</returns>
    [Function("GetDefinition")]
    public Task<IActionResult> GetDefinition([HttpTrigger(AuthorizationLevel.Function, "get", Route = "definitions/{name}")] HttpRequest request, string name) =>
        endpoints.GetAsync(request, name, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>List a definition's versions.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The workflow name.</param>
    /// <returns>The handler's response.</returns>
    [Function("ListDefinitionVersions")]
    public Task<IActionResult> ListDefinitionVersions([HttpTrigger(AuthorizationLevel.Function, "get", Route = "definitions/{name}/versions")] HttpRequest request, string name) =>
        endpoints.ListVersionsAsync(request, name, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Choose the active version (roll back or forward).</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The workflow name.</param>
    /// <returns>The handler's response.</returns>
    [Function("ActivateDefinitionVersion")]
    public Task<IActionResult> ActivateDefinitionVersion([HttpTrigger(AuthorizationLevel.Function, "post", Route = "definitions/{name}/active")] HttpRequest request, string name) =>
        endpoints.ActivateAsync(request, name, request.HttpContext.RequestAborted).AsActionResult();
}
