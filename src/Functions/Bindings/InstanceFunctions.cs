using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Serverless.Api.Audit;
using Serverless.Api.Metrics;
using Microsoft.DurableTask.Client;

namespace Serverless.Functions.Bindings;

/// <summary>Audit and metrics routes of <see cref="Serverless.Api.Routing.ApiRoutes"/>, bound to <see cref="AuditEndpoints"/> and <see cref="MetricsEndpoint"/>.</summary>
/// <param name="audit">The audit trail handler.</param>
/// <param name="metrics">The metrics handler.</param>
public sealed class InstanceFunctions(AuditEndpoints audit, MetricsEndpoint metrics)
{
    /// <summary>An instance's audit trail and its verification.</summary>
    /// <param name="request">The request.</param>
    /// <param name="instanceId">The instance.</param>
    /// <returns>The handler's response.</returns>
    [Function("AuditTrail")]
    public Task<IActionResult> AuditTrail([HttpTrigger(AuthorizationLevel.Function, "get", Route = "instances/{instanceId}/audit")] HttpRequest request, string instanceId) =>
        audit.GetAsync(request, instanceId, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Metrics of one workflow.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="name">The workflow.</param>
    /// <returns>The handler's response.</returns>
    [Function("WorkflowMetrics")]
    public Task<IActionResult> WorkflowMetrics(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "workflows/{name}/metrics")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string name) =>
        metrics.GetAsync(request, client, name, request.HttpContext.RequestAborted).AsActionResult();
}
