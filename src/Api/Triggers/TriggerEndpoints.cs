using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Durable;
using Serverless.Api.Http;
using Serverless.Api.Routing;
using Serverless.Audit;
using Serverless.Triggers;

namespace Serverless.Api.Triggers;

/// <summary>Create, replace, delete, pause and resume webhook triggers; read them with their counts.</summary>
/// <param name="triggers">The trigger store.</param>
/// <param name="request">Checks PUT bodies.</param>
/// <param name="time">The clock.</param>
/// <param name="options">The body limit.</param>
public sealed class TriggerEndpoints(TriggerStore triggers, TriggerRequest request, TimeProvider time, ApiOptions options)
{
    /// <summary><c>GET triggers</c>: every trigger with its counts.</summary>
    /// <param name="httpRequest">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ListAsync(HttpRequest httpRequest, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            var all = new JsonArray();
            foreach (var stored in await triggers.ListAsync(cancellationToken))
            {
                all.Add(Describe(httpRequest, stored, await triggers.GetCountsAsync(stored.Name, cancellationToken)));
            }

            return Results.Json(all);
        });

    /// <summary><c>GET triggers/{name}</c>: the trigger with its counts; 404 when absent.</summary>
    /// <param name="httpRequest">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> GetAsync(HttpRequest httpRequest, string name, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () => await triggers.GetAsync(name, cancellationToken) is { } stored
            ? Results.Json(Describe(httpRequest, stored, await triggers.GetCountsAsync(name, cancellationToken)))
            : NotFound(name));

    /// <summary><c>PUT triggers/{name}</c>: 201 created or 200 replaced (counts stay); 400 with every problem located.</summary>
    /// <param name="httpRequest">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> PutAsync(HttpRequest httpRequest, string name, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            var body = await RequestBody.ReadObjectAsync(httpRequest, options.MaxRequestBodyBytes, cancellationToken);
            var trigger = await request.ReadAsync(name, body, cancellationToken);
            var existed = await triggers.GetAsync(name, cancellationToken) is not null;
            var stored = await triggers.PutAsync(name, trigger.DocumentJson, trigger.Paused, time.GetUtcNow(), cancellationToken);
            var described = Describe(httpRequest, stored, await triggers.GetCountsAsync(name, cancellationToken));
            return existed ? Results.Json(described) : Results.Created($"{httpRequest.PathBase}/{ApiRoutes.Prefix}/triggers/{name}", described);
        });

    /// <summary><c>DELETE triggers/{name}</c>: 204; 404 when absent. Its audit trail stays.</summary>
    /// <param name="httpRequest">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> DeleteAsync(HttpRequest httpRequest, string name, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () => await triggers.DeleteAsync(name, cancellationToken) ? Results.NoContent() : NotFound(name));

    /// <summary><c>POST triggers/{name}/pause</c>: 200, deliveries are refused with 409 until resumed; 404 when absent.</summary>
    /// <param name="httpRequest">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> PauseAsync(HttpRequest httpRequest, string name, CancellationToken cancellationToken) =>
        SetPausedAsync(httpRequest, name, true, cancellationToken);

    /// <summary><c>POST triggers/{name}/resume</c>: 200; 404 when absent.</summary>
    /// <param name="httpRequest">The request.</param>
    /// <param name="name">The trigger's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ResumeAsync(HttpRequest httpRequest, string name, CancellationToken cancellationToken) =>
        SetPausedAsync(httpRequest, name, false, cancellationToken);

    private Task<IResult> SetPausedAsync(HttpRequest httpRequest, string name, bool paused, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () => await triggers.SetPausedAsync(name, paused, time.GetUtcNow(), cancellationToken) is { } stored
            ? Results.Json(Describe(httpRequest, stored, await triggers.GetCountsAsync(name, cancellationToken)))
            : NotFound(name));

    private static IResult NotFound(string name) => Problems.Create(404, "Trigger not found", $"No trigger named '{name}'.");

    // The document as written (it names its secret, never holds it), with what the host adds: state, addresses, counts.
    private static JsonObject Describe(HttpRequest httpRequest, StoredTrigger stored, TriggerCounts counts)
    {
        var described = new JsonObject { ["name"] = stored.Name };
        JsonObject? document = null;
        try
        {
            document = JsonNode.Parse(stored.DocumentJson) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            // A row edited by hand: shown with its problem below.
        }

        foreach (var (key, value) in document ?? [])
        {
            described[key] = value?.DeepClone();
        }

        try
        {
            TriggerDocument.Parse(stored.Name, stored.DocumentJson);
        }
        catch (TriggerDefinitionException e)
        {
            described["problem"] = $"This trigger cannot fire: {e.Message} Replace it with PUT.";
        }

        described["paused"] = stored.Paused;
        described["updatedAt"] = InstanceStatusJson.Time(stored.UpdatedAt);
        described["hookUrl"] = $"{httpRequest.Scheme}://{httpRequest.Host}{httpRequest.PathBase}/{ApiRoutes.Prefix}/hooks/{stored.Name}";
        described["auditTrail"] = $"{httpRequest.PathBase}/{ApiRoutes.Prefix}/instances/{Uri.EscapeDataString(AuditStreams.Trigger(stored.Name))}/audit";
        described["counts"] = new JsonObject
        {
            ["deliveries"] = counts.Deliveries,
            ["refused"] = counts.Refused,
            ["matched"] = counts.Matched,
            ["notMatched"] = counts.NotMatched,
            ["started"] = counts.Started,
            ["alreadyStarted"] = counts.AlreadyStarted,
            ["failed"] = counts.Failed,
            ["lastDeliveryAt"] = counts.LastDeliveryAt is { } delivered ? InstanceStatusJson.Time(delivered) : null,
            ["lastRefusedAt"] = counts.LastRefusedAt is { } refused ? InstanceStatusJson.Time(refused) : null,
        };
        return described;
    }
}
