using System.Diagnostics.Metrics;
using Serverless.Telemetry;

namespace Serverless.Api.Triggers;

/// <summary>The webhook triggers' instruments on the <see cref="ServerlessTelemetry.Meter"/>, on whichever host runs them.</summary>
internal static class TriggerMeters
{
    /// <summary>Deliveries that authenticated and were evaluated.</summary>
    public static Counter<long> Deliveries { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.trigger.deliveries", "{delivery}", "Webhook deliveries evaluated, by trigger.");

    /// <summary>Rule evaluations by outcome: started, alreadyStarted, notMatched, failed.</summary>
    public static Counter<long> Rules { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.trigger.rules", "{evaluation}", "Trigger rule evaluations, by trigger, rule and outcome (started, alreadyStarted, notMatched, failed).");

    /// <summary>Deliveries refused, by reason.</summary>
    public static Counter<long> Refusals { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.trigger.refusals", "{delivery}", "Webhook deliveries refused, by trigger and reason (missingCredential, badKey, badSignature, staleTimestamp, paused...).");
}
