using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Api.Http;
using Serverless.Durable;

namespace Serverless.Api.Durable;

public sealed partial class DurableHttpApi
{
    /// <summary><c>POST instances/{id}/raiseEvent/{eventName}</c>: 202; 400 bad JSON; 404 unknown; 410 finished.</summary>
    /// <param name="request">The request; its body is the event payload.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> RaiseEventAsync(HttpRequest request, DurableTaskClient client, string instanceId, string eventName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var payload = await RequestBody.ReadJsonAsync(request, options.MaxRequestBodyBytes, cancellationToken);
            await RequireActiveAsync(client, instanceId, "receive events", cancellationToken);
            await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
            return Results.Accepted();
        });

    /// <summary><c>POST instances/{id}/terminate?reason=</c>: 202; 404 unknown; 410 finished.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> TerminateAsync(HttpRequest request, DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var actor = CallerIdentity.NameOr(request, "admin");
            await RequireActiveAsync(client, instanceId, "be terminated", cancellationToken);
            var reason = Reason(request);
            await client.TerminateInstanceAsync(instanceId, reason, cancellationToken);
            await terminations.RecordAsync(client, instanceId, actor, reason, cancellationToken);
            return Results.Accepted();
        });

    /// <summary><c>POST instances/{id}/suspend?reason=</c>: 202; 404 unknown; 410 finished.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> SuspendAsync(HttpRequest request, DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            await RequireActiveAsync(client, instanceId, "be suspended", cancellationToken);
            await client.SuspendInstanceAsync(instanceId, Reason(request), cancellationToken);
            return Results.Accepted();
        });

    /// <summary><c>POST instances/{id}/resume?reason=</c>: 202; 404 unknown; 410 finished.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ResumeAsync(HttpRequest request, DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            await RequireActiveAsync(client, instanceId, "be resumed", cancellationToken);
            await client.ResumeInstanceAsync(instanceId, Reason(request), cancellationToken);
            return Results.Accepted();
        });

    /// <summary>
    /// <c>POST instances/{id}/rewind</c>, with Durable's codes: 404 unknown; 412 when the instance is not failed; 501 for
    /// a failed instance, because the embedded runtime cannot rewind (restart runs it again from the start).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> RewindAsync(HttpRequest request, DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var instance = await client.GetInstanceAsync(instanceId, false, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
            return instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed
                ? Problems.Create(StatusCodes.Status501NotImplemented, "Rewind not implemented", $"Instance '{instanceId}' failed, but the embedded runtime cannot rewind; use restart to run it again from the start.")
                : Problems.Create(StatusCodes.Status412PreconditionFailed, "Instance not failed", $"Instance '{instanceId}' is {instance.RuntimeStatus}; only a failed instance can be rewound.");
        });

    /// <summary><c>POST instances/{id}/restart?restartWithNewInstanceId=</c>: 202 with the new instance's payload; 404; 409 while running.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> RestartAsync(HttpRequest request, DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var newId = QueryValues.Bool(request, "restartWithNewInstanceId", false);
            var instance = await client.GetInstanceAsync(instanceId, false, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
            if (!instance.IsCompleted)
            {
                return Problems.Create(409, "Instance still running", $"Instance '{instanceId}' is {instance.RuntimeStatus}; only a finished instance can be restarted.");
            }

            var id = await client.RestartAsync(instanceId, newId, cancellationToken);
            return ManagementPayload.For(request, options, id).Accepted();
        });

    /// <summary><c>DELETE instances/{id}</c>: 200 <c>{"instancesDeleted":1}</c>; 404 unknown; 409 while running.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> PurgeInstanceAsync(HttpRequest request, DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var instance = await client.GetInstanceAsync(instanceId, false, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
            if (!instance.IsCompleted)
            {
                return Problems.Create(409, "Instance still running", $"Instance '{instanceId}' is {instance.RuntimeStatus}; only a finished instance can be purged.");
            }

            var result = await client.PurgeInstanceAsync(instanceId, null, cancellationToken);
            return Results.Ok(new { instancesDeleted = result.PurgedInstanceCount });
        });

    /// <summary>
    /// <c>DELETE instances?createdTimeFrom=&amp;createdTimeTo=&amp;runtimeStatus=</c>: 200 <c>{"instancesDeleted":n}</c>,
    /// 404 when nothing matched; 400 without <c>createdTimeFrom</c>, which Durable requires. Only finished instances
    /// are ever purged.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> PurgeInstancesAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var from = QueryValues.Time(request, "createdTimeFrom")
                ?? throw ApiProblemException.BadRequest("Query parameter 'createdTimeFrom' is required to purge by filter (ISO 8601, e.g. 2026-01-01T00:00:00Z).");
            var filter = new PurgeInstancesFilter(from, QueryValues.Time(request, "createdTimeTo"), QueryValues.Statuses(request));
            var result = await client.PurgeAllInstancesAsync(filter, null, cancellationToken);
            return result.PurgedInstanceCount == 0
                ? Problems.Create(404, "Nothing to purge", "No finished instance matches the filter.")
                : Results.Ok(new { instancesDeleted = result.PurgedInstanceCount });
        });

    private static string? Reason(HttpRequest request) =>
        request.Query["reason"].ToString() is { Length: > 0 } reason ? reason : null;

    private static async Task RequireActiveAsync(DurableTaskClient client, string instanceId, string what, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, false, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
        if (instance.IsCompleted)
        {
            throw new ApiProblemException(410, "Instance finished", $"Instance '{instanceId}' is {instance.RuntimeStatus} and can no longer {what}.");
        }
    }
}
