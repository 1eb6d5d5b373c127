using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Serverless.Api.Approvals;
using Microsoft.DurableTask.Client;

namespace Serverless.Functions.Bindings;

/// <summary>
/// Approval routes of <see cref="Serverless.Api.Routing.ApiRoutes"/>, bound to <see cref="ApprovalEndpoints"/>. The caller
/// is the principal App Service Authentication names (<c>x-ms-client-principal-name</c>).
/// </summary>
/// <param name="endpoints">The shared handlers.</param>
public sealed class ApprovalFunctions(ApprovalEndpoints endpoints)
{
    /// <summary>The caller's pending approvals.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The handler's response.</returns>
    [Function("ListPendingApprovals")]
    public Task<IActionResult> ListPendingApprovals([HttpTrigger(AuthorizationLevel.Function, "get", Route = "approvals")] HttpRequest request) =>
        endpoints.ListPendingAsync(request, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Approve or reject as the caller.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The waiting instance.</param>
    /// <param name="stepId">The approval step.</param>
    /// <returns>The handler's response.</returns>
    [Function("DecideApproval")]
    public Task<IActionResult> DecideApproval(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "approvals/{instanceId}/{stepId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        string stepId) =>
        endpoints.DecideAsync(request, client, instanceId, stepId, request.HttpContext.RequestAborted).AsActionResult();
}
