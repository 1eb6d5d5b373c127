using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Serverless.Api.Schedules;

namespace Serverless.Functions.Bindings;

/// <summary>Schedule routes of <see cref="Serverless.Api.Routing.ApiRoutes"/>, bound to <see cref="ScheduleEndpoints"/>.</summary>
/// <param name="endpoints">The shared handlers.</param>
public sealed class ScheduleFunctions(ScheduleEndpoints endpoints)
{
    /// <summary>List schedules.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The handler's response.</returns>
    [Function("ListSchedules")]
    public Task<IActionResult> ListSchedules([HttpTrigger(AuthorizationLevel.Function, "get", Route = "schedules")] HttpRequest request) =>
        endpoints.ListAsync(request, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Get a schedule.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <returns>The handler's response.</returns>
    [Function("GetSchedule")]
    public Task<IActionResult> GetSchedule([HttpTrigger(AuthorizationLevel.Function, "get", Route = "schedules/{id}")] HttpRequest request, string id) =>
        endpoints.GetAsync(request, id, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Create or replace a schedule.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <returns>The handler's response.</returns>
    [Function("PutSchedule")]
    public Task<IActionResult> PutSchedule([HttpTrigger(AuthorizationLevel.Function, "put", Route = "schedules/{id}")] HttpRequest request, string id) =>
        endpoints.PutAsync(request, id, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Delete a schedule.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <returns>The handler's response.</returns>
    [Function("DeleteSchedule")]
    public Task<IActionResult> DeleteSchedule([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "schedules/{id}")] HttpRequest request, string id) =>
        endpoints.DeleteAsync(request, id, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Pause a schedule.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <returns>The handler's response.</returns>
    [Function("PauseSchedule")]
    public Task<IActionResult> PauseSchedule([HttpTrigger(AuthorizationLevel.Function, "post", Route = "schedules/{id}/pause")] HttpRequest request, string id) =>
        endpoints.PauseAsync(request, id, request.HttpContext.RequestAborted).AsActionResult();

    /// <summary>Resume a schedule.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <returns>The handler's response.</returns>
    [Function("ResumeSchedule")]
    public Task<IActionResult> ResumeSchedule([HttpTrigger(AuthorizationLevel.Function, "post", Route = "schedules/{id}/resume")] HttpRequest request, string id) =>
        endpoints.ResumeAsync(request, id, request.HttpContext.RequestAborted).AsActionResult();
}
