using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Serverless.Api.Workflows;
using Microsoft.DurableTask.Client;

namespace Serverless.Functions.Bindings;

/// <summary>Start routes of <see cref="Serverless.Api.Routing.ApiRoutes"/>, bound to <see cref="StartEndpoints"/> with the Durable client.</summary>
/// <param name="endpoints">The shared handlers.</param>
public sealed class StartFunctions(StartEndpoints endpoints)
{
    /// <summary>Start a workflow instance.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="name">The workflow name.</param>
    /// <param name="instanceId">An instance id, or null for a new one.</param>
    /// <returns>The handler's response.</returns>
    [Function("StartWorkflow")]
    public Task<IActionResult> StartWorkflow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "workflows/{name}/instances/{instanceId?}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string name,
        string? instanceId) =>
        endpoints.StartWorkflowAsync(request, client, name, instanceId, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Start a code-first orchestrator.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="instanceId">An instance id, or null for a new one.</param>
    /// <returns>The handler's response.</returns>
    [Function("StartOrchestrator")]
    public Task<IActionResult> StartOrchestrator(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orchestrators/{name}/{instanceId?}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string name,
        string? instanceId) =>
        endpoints.StartOrchestratorAsync(request, client, name, instanceId, request.HttpContext.RequestAborted).AsActionResult();
}
