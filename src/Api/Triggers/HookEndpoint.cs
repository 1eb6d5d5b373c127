using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Api.Http;
using Serverless.Api.Workflows;
using Serverless.Audit;
using Serverless.Secrets;
using Serverless.Triggers;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Parsing;

namespace Serverless.Api.Triggers;

/// <summary>
/// <c>POST hooks/{trigger}</c>: a webhook delivery. The caller proves itself with the trigger's key or a signature of
/// the raw body (the route needs no function key); then every rule is evaluated over the JSON body and the headers,
/// and each match starts its workflow through <see cref="WorkflowStarter"/>, as <c>POST workflows/{name}/instances</c>
/// does. Each rule's outcome is answered, counted and audited in the trigger's own trail
/// (<see cref="AuditStreams.Trigger"/>); so is every refusal.
/// </summary>
public sealed partial class HookEndpoint
{
    // Headers that can carry credentials never reach conditions or templates, so a rule cannot copy them into an input.
    private static readonly HashSet<string> HiddenHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "x-functions-key", "x-ms-client-principal", "x-ms-client-principal-name", "x-ms-client-principal-id",
        "x-ms-token-aad-access-token", "x-ms-token-aad-id-token", "x-ms-token-aad-refresh-token",
    };

    private readonly TriggerStore _triggers;
    private readonly WorkflowStarter _starter;
    private readonly AuditTrail _audit;
    private readonly ISecretSource _secrets;
    private readonly TimeProvider _time;
    private readonly ApiOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="triggers">The trigger store.</param>
    /// <param name="starter">Starts workflows.</param>
    /// <param name="audit">The audit trail.</param>
    /// <param name="secrets">Where the triggers' secrets come from.</param>
    /// <param name="time">The clock (timestamped signatures, audit times).</param>
    /// <param name="options">The body limit.</param>
    /// <param name="logger">Diagnostics.</param>
    public HookEndpoint(
        TriggerStore triggers, WorkflowStarter starter, AuditTrail audit, ISecretSource secrets, TimeProvider time, ApiOptions options, ILogger<HookEndpoint>? logger = null)
    {
        _triggers = triggers;
        _starter = starter;
        _audit = audit;
        _secrets = secrets;
        _time = time;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// <c>POST hooks/{trigger}</c>, any JSON body: 202 when an instance started, else 200, with every rule's outcome;
    /// 401/403 key or signature missing or wrong; 404 no such trigger; 409 paused; 413 body too large; 400 not JSON;
    /// 503 the trigger's secret is not configured.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="trigger">The trigger's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> PostAsync(HttpRequest request, DurableTaskClient client, string trigger, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            if (await _triggers.GetAsync(trigger, cancellationToken) is not { } stored)
            {
                return Problems.Create(404, "Trigger not found", $"No trigger named '{trigger}'.");
            }

            var delivery = new Delivery(stored.Name, StartEndpoints.Correlation(request), RemoteAddress(request));
            TriggerDefinition definition;
            try
            {
                definition = TriggerDocument.Parse(stored.Name, stored.DocumentJson);
            }
            catch (TriggerDefinitionException e)
            {
                return await RefuseAsync(delivery, new("invalidTrigger", 409, $"Trigger '{stored.Name}' cannot fire: {e.Message} Replace it with PUT."), cancellationToken);
            }

            try
            {
                delivery = delivery with { Body = await RequestBody.ReadBytesAsync(request, _options.MaxRequestBodyBytes, cancellationToken) };
            }
            catch (ApiProblemException e)
            {
                return await RefuseAsync(delivery, new("tooLarge", e.Status, e.Message), cancellationToken);
            }

            if (!_secrets.TryGet(definition.Auth.Secret, out var secret))
            {
                return await RefuseAsync(delivery, new("secretNotConfigured", 503, $"Trigger '{stored.Name}' cannot check deliveries: the secret it names is not configured on this host."), cancellationToken);
            }

            if (TriggerSignature.Check(definition.Auth, secret, request.Headers[definition.Auth.Header].ToString(), delivery.Body.Span, _time.GetUtcNow()) is { } refusal)
            {
                return await RefuseAsync(delivery, refusal, cancellationToken);
            }

            delivery = delivery with { Authenticated = true };
            if (stored.Paused)
            {
                return await RefuseAsync(delivery, new("paused", 409, $"Trigger '{stored.Name}' is paused; POST /api/triggers/{stored.Name}/resume resumes it."), cancellationToken);
            }

            JsonNode? body;
            try
            {
                body = ParseBody(delivery.Body.Span);
            }
            catch (JsonException e)
            {
                return await RefuseAsync(delivery, new("malformedBody", 400, $"The body is not valid JSON: {JsonSyntaxError.Reason(e)}"), cancellationToken);
            }

            var scope = new EvaluationScope
            {
                Values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { ["body"] = body, ["headers"] = Headers(request, definition.Auth.Header) },
            };
            var results = new List<RuleResult>(definition.Rules.Count);
            foreach (var rule in definition.Rules)
            {
                results.Add(await RunRuleAsync(client, delivery, rule, scope, body, cancellationToken));
            }

            await RecordAsync(delivery, results, cancellationToken);
            var answer = new JsonObject
            {
                ["trigger"] = stored.Name,
                ["correlationId"] = delivery.CorrelationId,
                ["rules"] = new JsonArray([.. results.Select(r => (JsonNode)r.ToJson())]),
            };
            return Results.Json(answer, statusCode: results.Any(r => r.Outcome == RuleOutcome.Started) ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
        });

    private static JsonNode? ParseBody(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        var body = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        try
        {
            // The reader accepts an escaped unpaired surrogate that no string can hold; find it now, not in a rule.
            using var writer = new Utf8JsonWriter(Stream.Null);
            body?.WriteTo(writer);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new JsonException("A string in the body is not valid Unicode (an unpaired surrogate).", e);
        }

        return body;
    }

    private static JsonObject Headers(HttpRequest request, string credentialHeader)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers)
        {
            if (!HiddenHeaders.Contains(name) && !string.Equals(name, credentialHeader, StringComparison.OrdinalIgnoreCase))
            {
                headers[name.ToLowerInvariant()] = values.ToString();
            }
        }

        return headers;
    }

    private static string? RemoteAddress(HttpRequest request) =>
        request.HttpContext.Connection.RemoteIpAddress is IPAddress address ? address.ToString() : null;

    /// <summary>One delivery as it is audited: whose it is, how to find it again, what came in.</summary>
    private sealed record Delivery(string Trigger, string CorrelationId, string? RemoteAddress)
    {
        public ReadOnlyMemory<byte> Body { get; init; }

        public bool Authenticated { get; init; }

        public string Actor => Authenticated ? $"hook:{Trigger}" : "unauthenticated";
    }
}
