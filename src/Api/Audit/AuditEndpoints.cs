using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Durable;
using Serverless.Api.Http;
using Serverless.Audit;

namespace Serverless.Api.Audit;

/// <summary>The audit trail of one instance, with the result of verifying its hash chain.</summary>
/// <param name="trail">The audit trail.</param>
public sealed class AuditEndpoints(AuditTrail trail)
{
    /// <summary><c>GET instances/{instanceId}/audit</c>: entries in chain order and <c>verification</c>; 404 when the instance has no trail.</summary>
    /// <param name="request">The request.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> GetAsync(HttpRequest request, string instanceId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            if (instanceId.Length is 0 or > AuditEntry.MaxInstanceIdChars || instanceId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
            {
                throw ApiProblemException.BadRequest($"'{instanceId}' is not a valid instance id for the audit trail.");
            }

            var entries = new JsonArray();
            await foreach (var record in trail.ReadTrailAsync(instanceId, cancellationToken))
            {
                var e = record.Entry;
                entries.Add(new JsonObject
                {
                    ["sequence"] = record.Sequence,
                    ["time"] = InstanceStatusJson.Time(e.Time),
                    ["eventType"] = e.EventType,
                    ["actor"] = e.Actor,
                    ["workflow"] = e.WorkflowName,
                    ["version"] = e.WorkflowVersion,
                    ["step"] = e.Step,
                    ["details"] = InstanceStatusJson.Parse(e.DetailsJson),
                    ["correlationId"] = e.CorrelationId,
                    ["hash"] = record.Hash,
                });
            }

            var verification = await trail.VerifyTrailAsync(instanceId, cancellationToken);
            if (entries.Count == 0 && verification.IsIntact)
            {
                return Problems.Create(404, "No audit trail", $"Instance '{instanceId}' has no audit entries.");
            }

            return Results.Json(new JsonObject
            {
                ["instanceId"] = instanceId,
                ["entries"] = entries,
                ["verification"] = new JsonObject
                {
                    ["intact"] = verification.IsIntact,
                    ["rowsChecked"] = verification.RowsChecked,
                    ["problems"] = new JsonArray([.. verification.Problems.Select(p => (JsonNode)new JsonObject
                    {
                        ["kind"] = p.Kind.ToString(),
                        ["sequence"] = p.Sequence,
                        ["rowKey"] = p.RowKey,
                        ["description"] = p.Description,
                    })]),
                },
            });
        });
}
