using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;
using Serverless.Audit;
using Serverless.Telemetry;
using Serverless.Triggers;

namespace Serverless.Api.Triggers;

public sealed partial class HookEndpoint
{
    /// <summary>The audit event of a rule that matched (details: outcome, instance).</summary>
    public const string FiredEvent = "TriggerFired";

    /// <summary>The audit event of a rule that did not match.</summary>
    public const string NotMatchedEvent = "TriggerNotMatched";

    /// <summary>The audit event of a refused delivery (details: reason, status).</summary>
    public const string RefusedEvent = "TriggerRefused";

    private async Task RecordAsync(Delivery delivery, IReadOnlyList<RuleResult> results, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var stream = AuditStreams.Trigger(delivery.Trigger);
        var entries = new List<AuditEntry>(results.Count);
        foreach (var result in results)
        {
            var details = Details(delivery);
            details["rule"] = result.RuleId;
            details["outcome"] = result.OutcomeName;
            details["instanceId"] = result.InstanceId;
            if (result.RuntimeStatus is not null)
            {
                details["runtimeStatus"] = result.RuntimeStatus;
            }

            if (result.ErrorDetail is not null)
            {
                details["error"] = new JsonObject { ["status"] = result.ErrorStatus, ["detail"] = result.ErrorDetail };
            }

            entries.Add(new AuditEntry
            {
                InstanceId = stream,
                WorkflowName = result.Workflow,
                WorkflowVersion = result.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Step = result.RuleId,
                EventType = result.Matched ? FiredEvent : NotMatchedEvent,
                Actor = delivery.Actor,
                Time = now,
                DetailsJson = details.ToJsonString(),
                CorrelationId = delivery.CorrelationId,
            });
            TriggerMeters.Rules.Add(1, new TagList
            {
                { TelemetryAttributes.Trigger, delivery.Trigger },
                { TelemetryAttributes.Rule, result.RuleId },
                { TelemetryAttributes.Outcome, result.OutcomeName },
            });
        }

        // One delivery's rule entries go to the trigger's trail together, in rule order.
        await _audit.AppendBatchAsync(entries, cancellationToken);
        TriggerMeters.Deliveries.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.Trigger, delivery.Trigger));
        await _triggers.AddCountsAsync(delivery.Trigger, new TriggerCounts
        {
            Deliveries = 1,
            Matched = results.Count(r => r.Matched),
            NotMatched = results.Count(r => !r.Matched),
            Started = results.Count(r => r.Outcome == RuleOutcome.Started),
            AlreadyStarted = results.Count(r => r.Outcome == RuleOutcome.AlreadyStarted),
            Failed = results.Count(r => r.Outcome == RuleOutcome.Failed),
            LastDeliveryAt = now,
        }, cancellationToken);
        Log.Delivered(_logger, delivery.Trigger, results.Count(r => r.Matched), results.Count(r => r.Outcome == RuleOutcome.Started), delivery.CorrelationId);
    }

    private async Task<IResult> RefuseAsync(Delivery delivery, TriggerRefusal refusal, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var details = Details(delivery);
        details["reason"] = refusal.Reason;
        details["status"] = refusal.Status;
        await _audit.AppendAsync(new AuditEntry
        {
            InstanceId = AuditStreams.Trigger(delivery.Trigger),
            WorkflowName = $"trigger:{delivery.Trigger}",
            EventType = RefusedEvent,
            Actor = delivery.Actor,
            Time = now,
            DetailsJson = details.ToJsonString(),
            CorrelationId = delivery.CorrelationId,
        }, cancellationToken);
        TriggerMeters.Refusals.Add(1, new TagList
        {
            { TelemetryAttributes.Trigger, delivery.Trigger },
            { TelemetryAttributes.Outcome, refusal.Reason },
        });
        await _triggers.AddCountsAsync(delivery.Trigger, new TriggerCounts { Refused = 1, LastRefusedAt = now }, cancellationToken);
        Log.Refused(_logger, delivery.Trigger, refusal.Reason, refusal.Status, delivery.CorrelationId);
        return Problems.Create(refusal.Status, Title(refusal), refusal.Detail, new Dictionary<string, object?> { ["reason"] = refusal.Reason });
    }

    // What identifies the delivery without keeping it: its size and hash (the body may be large or personal; the
    // started instance keeps the input it was given), and where it came from. Never a header: one may carry the key.
    private static JsonObject Details(Delivery delivery) => new()
    {
        ["bodyBytes"] = delivery.Body.Length,
        ["bodySha256"] = delivery.Body.IsEmpty ? null : Convert.ToHexStringLower(SHA256.HashData(delivery.Body.Span)),
        ["remoteAddress"] = delivery.RemoteAddress,
    };

    private static string Title(TriggerRefusal refusal) => refusal.Status switch
    {
        401 => "Unauthenticated",
        403 => "Forbidden",
        413 => "Payload too large",
        503 => "Trigger not configured",
        400 => "Malformed JSON",
        _ => refusal.Reason == "paused" ? "Trigger paused" : "Trigger cannot fire",
    };
}
