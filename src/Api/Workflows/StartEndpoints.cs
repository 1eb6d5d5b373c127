using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Api.Durable;
using Serverless.Api.Http;
using Serverless.Durable;
using Serverless.Orchestrations;

namespace Serverless.Api.Workflows;

/// <summary>Start a workflow by definition name, or a code-first orchestrator by name: 202 with the management payload.</summary>
/// <param name="starter">Starts workflows.</param>
/// <param name="gate">Lets only published definitions run through the orchestrator route.</param>
/// <param name="options">Limits, hub name and key.</param>
public sealed class StartEndpoints(WorkflowStarter starter, PublishedRunGate gate, ApiOptions options)
{
    /// <summary>
    /// <c>POST workflows/{name}/instances/{instanceId?}?version=</c>, body = input: 202 + <c>Location</c> + payload;
    /// 404 not published; 400 input does not fit the schema; 409 the instance id is in use.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="name">The workflow.</param>
    /// <param name="instanceId">An instance id, or null for a new one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> StartWorkflowAsync(HttpRequest request, DurableTaskClient client, string name, string? instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            RequireValidId(instanceId);
            var version = QueryValues.Int(request, "version", 1, int.MaxValue);
            var input = await RequestBody.ReadJsonAsync(request, options.MaxRequestBodyBytes, cancellationToken);
            await RefuseKnownIdAsync(client, instanceId, cancellationToken);
            var id = await starter.StartAsync(client, name, version, instanceId, input, CallerIdentity.NameOr(request, "api"), Correlation(request), cancellationToken);
            return ManagementPayload.For(request, options, id).Accepted();
        });

    /// <summary><c>POST orchestrators/{name}/{instanceId?}</c>, body = input: 202 + payload; 404 unknown orchestrator; 409 id in use.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="name">The orchestrator.</param>
    /// <param name="instanceId">An instance id, or null for a new one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> StartOrchestratorAsync(HttpRequest request, DurableTaskClient client, string name, string? instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var known = OrchestratorCatalog.All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw ApiProblemException.NotFound(
                    $"No orchestrator named '{name}'; known: {string.Join(", ", OrchestratorCatalog.All.Select(d => d.Name))}.");
            RequireValidId(instanceId);
            var input = await RequestBody.ReadJsonAsync(request, options.MaxRequestBodyBytes, cancellationToken);
            object? start = PublishedRunGate.Guards(known.Name)
                ? await gate.CheckAsync(input, CallerIdentity.NameOr(request, "api"), Correlation(request), cancellationToken)
                : input;
            await RefuseKnownIdAsync(client, instanceId, cancellationToken);
            var id = await client.ScheduleNewOrchestrationInstanceAsync(known.Name, start, NewInstanceOptions.NeverReplace(instanceId), cancellationToken);
            return ManagementPayload.For(request, options, id).Accepted();
        });

    /// <summary>The <c>x-correlation-id</c> header when it is short, display-safe text; else the request's trace id.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The correlation id.</returns>
    internal static string Correlation(HttpRequest request) =>
        request.Headers["x-correlation-id"].ToString() is { Length: > 0 and <= 128 } c && DisplaySafeText.IsSafe(c) ? c : request.HttpContext.TraceIdentifier;

    /// <summary>400 when a caller-chosen instance id breaks <see cref="InstanceIds"/>; nothing is read or stored first.</summary>
    /// <param name="instanceId">The id from the route, or null for a generated one.</param>
    internal static void RequireValidId(string? instanceId)
    {
        if (instanceId is not null && InstanceIds.Problem(instanceId) is { } problem)
        {
            throw new ApiProblemException(400, "Invalid instance id", problem);
        }
    }

    // The engine decides an existing id atomically (NewInstanceOptions); this early look only answers sooner, and keeps
    // the refusal on a Durable backend that might ignore DedupeStatuses. It is not what makes two starts safe.
    private static async Task RefuseKnownIdAsync(DurableTaskClient client, string? instanceId, CancellationToken cancellationToken)
    {
        if (instanceId is not null && await client.GetInstanceAsync(instanceId, false, cancellationToken) is { } existing)
        {
            throw new ApiProblemException(409, "Instance already exists", $"Instance '{instanceId}' already exists ({existing.RuntimeStatus}); choose another id.");
        }
    }
}
