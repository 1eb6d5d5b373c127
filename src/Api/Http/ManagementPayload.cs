using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Http;

/// <summary>The Durable Functions management payload: where to query and control one instance.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="StatusQueryGetUri">GET: the instance status.</param>
/// <param name="SendEventPostUri">POST: raise an event (replace <c>{eventName}</c>).</param>
/// <param name="TerminatePostUri">POST: terminate (replace <c>{text}</c> with the reason).</param>
/// <param name="SuspendPostUri">POST: suspend.</param>
/// <param name="ResumePostUri">POST: resume.</param>
/// <param name="PurgeHistoryDeleteUri">DELETE: purge the instance.</param>
/// <param name="RestartPostUri">POST: restart a finished instance.</param>
public sealed record ManagementPayload(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("statusQueryGetUri")] string StatusQueryGetUri,
    [property: JsonPropertyName("sendEventPostUri")] string SendEventPostUri,
    [property: JsonPropertyName("terminatePostUri")] string TerminatePostUri,
    [property: JsonPropertyName("suspendPostUri")] string SuspendPostUri,
    [property: JsonPropertyName("resumePostUri")] string ResumePostUri,
    [property: JsonPropertyName("purgeHistoryDeleteUri")] string PurgeHistoryDeleteUri,
    [property: JsonPropertyName("restartPostUri")] string RestartPostUri)
{
    /// <summary>Builds the payload for an instance from the request's scheme and host.</summary>
    /// <param name="request">The current request.</param>
    /// <param name="options">Hub name and key.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The payload.</returns>
    public static ManagementPayload For(HttpRequest request, ApiOptions options, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}/{Routing.DurableApiRoutes.Prefix}/instances/{Uri.EscapeDataString(instanceId)}";
        var query = $"taskHub={Uri.EscapeDataString(options.HubName)}&connection=Storage"
            + (Key(request, options) is { } key ? $"&code={Uri.EscapeDataString(key)}" : string.Empty);
        return new ManagementPayload(
            instanceId,
            $"{instance}?{query}",
            $"{instance}/raiseEvent/{{eventName}}?{query}",
            $"{instance}/terminate?reason={{text}}&{query}",
            $"{instance}/suspend?reason={{text}}&{query}",
            $"{instance}/resume?reason={{text}}&{query}",
            $"{instance}?{query}",
            $"{instance}/restart?{query}");
    }

    private static string? Key(HttpRequest request, ApiOptions options) =>
        options.SystemKey ?? (options.ManagementKeyFromRequest && Access.CallerResolver.SentKey(request) is { Length: > 0 } sent ? sent : null);

    /// <summary>202 Accepted with <c>Location</c> (the status URL), <c>Retry-After</c> and this payload.</summary>
    /// <returns>The result.</returns>
    public IResult Accepted() => new AcceptedWithRetry(this);

    private sealed class AcceptedWithRetry(ManagementPayload payload) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "10";
            return Results.Accepted(payload.StatusQueryGetUri, payload).ExecuteAsync(httpContext);
        }
    }
}
