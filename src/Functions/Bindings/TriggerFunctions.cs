using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Api.Triggers;

namespace Serverless.Functions.Bindings;

/// <summary>Trigger routes of <see cref="Serverless.Api.Routing.ApiRoutes"/>, bound to <see cref="TriggerEndpoints"/> and <see cref="HookEndpoint"/>.</summary>
/// <param name="endpoints">The shared management handlers.</param>
/// <param name="hooks">The shared webhook handler.</param>
public sealed class TriggerFunctions(TriggerEndpoints endpoints, HookEndpoint hooks)
{
    /// <summary>List triggers.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The handler's response.</returns>
    [Function("ListTriggers")]
    public Task<IActionResult> ListTriggers([HttpTrigger(AuthorizationLevel.Function, "get", Route = "triggers")] HttpRequest request) =>
        endpoints.ListAsync(request, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Get a trigger.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <returns>The handler's response.</returns>
    [Function("GetTrigger")]
    public Task<IActionResult> GetTrigger([HttpTrigger(AuthorizationLevel.Function, "get", Route = "triggers/{name}")] HttpRequest request, string name) =>
        endpoints.GetAsync(request, name, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Create or replace a trigger.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <returns>The handler's response.</returns>
    [Function("PutTrigger")]
    public Task<IActionResult> PutTrigger([HttpTrigger(AuthorizationLevel.Function, "put", Route = "triggers/{name}")] HttpRequest request, string name) =>
        endpoints.PutAsync(request, name, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Delete a trigger.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <returns>The handler's response.</returns>
    [Function("DeleteTrigger")]
    public Task<IActionResult> DeleteTrigger([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "triggers/{name}")] HttpRequest request, string name) =>
        endpoints.DeleteAsync(request, name, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Pause a trigger.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <returns>The handler's response.</returns>
    [Function("PauseTrigger")]
    public Task<IActionResult> PauseTrigger([HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/{name}/pause")] HttpRequest request, string name) =>
        endpoints.PauseAsync(request, name, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Resume a trigger.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <returns>The handler's response.</returns>
    [Function("ResumeTrigger")]
    public Task<IActionResult> ResumeTrigger([HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/{name}/resume")] HttpRequest request, string name) =>
        endpoints.ResumeAsync(request, name, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Deliver an event to a trigger; the trigger's own key or signature authenticates it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="trigger">The trigger's name.</param>
    /// <returns>The handler's response.</returns>
    [Function("DeliverHook")]
    public Task<IActionResult> DeliverHook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "hooks/{trigger}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string trigger) =>
        hooks.PostAsync(request, client, trigger, request.HttpContext.RequestAborted).AsActionResult();
}
