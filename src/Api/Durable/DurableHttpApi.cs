using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Api.Http;
using Serverless.Api.Workflows;
using Serverless.Durable;

namespace Serverless.Api.Durable;

/// <summary>
/// The Durable Functions built-in HTTP API (<c>/runtime/webhooks/durabletask/...</c>) with the status codes and
/// bodies Microsoft's HTTP API reference documents, so Durable clients and tools work against the local host.
/// </summary>
/// <param name="options">Hub name, key and body limit.</param>
/// <param name="terminations">Audits the termination of workflow instances.</param>
/// <param name="gate">Lets only published definitions run through the start route.</param>
/// <param name="time">The clock a start's <c>timeout</c> runs on.</param>
public sealed partial class DurableHttpApi(ApiOptions options, WorkflowTerminationAudit terminations, PublishedRunGate gate, TimeProvider time)
{
    /// <summary>The response header carrying the list continuation token (and the request header resuming it).</summary>
    public const string ContinuationHeader = "x-ms-continuation-token";

    /// <summary>
    /// <c>POST orchestrators/{functionName}/{instanceId?}?timeout=&amp;pollingInterval=</c>: 202 with the management
    /// payload; with <c>timeout</c> (seconds) the request waits for the instance: 200 with its output when it
    /// completed in time. 400 unknown function, bad id, bad JSON or bad wait parameters.
    /// </summary>
    /// <param name="request">The request; its body is the input.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="functionName">The orchestrator.</param>
    /// <param name="instanceId">An instance id, or null for a new one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, string functionName, string? instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            StartEndpoints.RequireValidId(instanceId);
            var wait = WaitFor(request);
            var view = StatusView.Read(request);
            var input = await RequestBody.ReadJsonAsync(request, options.MaxRequestBodyBytes, cancellationToken);
            object? start = PublishedRunGate.Guards(functionName)
                ? await gate.CheckAsync(input, CallerIdentity.NameOr(request, "admin"), StartEndpoints.Correlation(request), cancellationToken)
                : input;
            var id = await client.ScheduleNewOrchestrationInstanceAsync(functionName, start, new StartOrchestrationOptions(instanceId), cancellationToken);
            return wait is { } timeout
                ? await WaitForFinishAsync(request, client, id, timeout, view, cancellationToken)
                : ManagementPayload.For(request, options, id).Accepted();
        });

    /// <summary>
    /// <c>GET instances/{instanceId}</c>: 202 while pending or running, 200 when completed, 400 when failed or
    /// terminated (500 for a failure with <c>returnInternalServerErrorOnFailure=true</c>), 404 when unknown.
    /// </summary>
    /// <param name="request">The request (showHistory, showHistoryOutput, showInput, returnInternalServerErrorOnFailure).</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> GetStatusAsync(HttpRequest request, DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var view = StatusView.Read(request);
            var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
                ?? throw new OrchestrationNotFoundException(instanceId);
            return await StatusResultAsync(request, client, metadata, view, cancellationToken);
        });

    // The status answer of GET instances/{id}, also given by a waiting start whose instance failed or was terminated.
    private async Task<IResult> StatusResultAsync(
        HttpRequest request, DurableTaskClient client, OrchestrationMetadata metadata, StatusView view, CancellationToken cancellationToken)
    {
        var body = InstanceStatusJson.Status(metadata, view.ShowInput);
        if (view.ShowHistory)
        {
            body["historyEvents"] = InstanceStatusJson.History(
                await client.GetOrchestrationHistoryAsync(metadata.InstanceId, cancellationToken), view.ShowInput, view.ShowHistoryOutput);
        }

        var status = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => StatusCodes.Status200OK,
            OrchestrationRuntimeStatus.Failed when view.ServerErrorOnFailure => StatusCodes.Status500InternalServerError,
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status202Accepted,
        };
        return status == StatusCodes.Status202Accepted
            ? new JsonWithLocation(body, status, ManagementPayload.For(request, options, metadata.InstanceId).StatusQueryGetUri)
            : Results.Json(body, statusCode: status);
    }

    /// <summary>
    /// <c>GET instances</c>: 200 with an array of status objects, filtered by runtimeStatus, createdTimeFrom,
    /// createdTimeTo and instanceIdPrefix; <c>top</c> pages with the <c>x-ms-continuation-token</c> header.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ListAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var top = QueryValues.Int(request, "top", 1, 1000);
            var showInput = QueryValues.Bool(request, "showInput", false);
            var query = new OrchestrationQuery(
                CreatedFrom: QueryValues.Time(request, "createdTimeFrom"),
                CreatedTo: QueryValues.Time(request, "createdTimeTo"),
                Statuses: QueryValues.Statuses(request),
                InstanceIdPrefix: request.Query["instanceIdPrefix"].ToString() is { Length: > 0 } prefix ? prefix : null,
                PageSize: top ?? OrchestrationQuery.DefaultPageSize,
                FetchInputsAndOutputs: true);
            var token = request.Headers[ContinuationHeader].ToString() is { Length: > 0 } t ? t : null;
            var items = new JsonArray();
            string? next = null;
            try
            {
                await foreach (var page in client.GetAllInstancesAsync(query).AsPages(token, query.PageSize).WithCancellation(cancellationToken))
                {
                    foreach (var instance in page.Values)
                    {
                        items.Add(InstanceStatusJson.Status(instance, showInput));
                    }

                    next = page.ContinuationToken;
                    if (top is not null)
                    {
                        break;
                    }
                }
            }
            catch (FormatException e)
            {
                throw ApiProblemException.BadRequest($"Header '{ContinuationHeader}' is not a continuation token from this API: {e.Message}");
            }

            return new JsonWithHeader(items, ContinuationHeader, string.IsNullOrEmpty(next) ? null : next);
        });
}
