using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Serverless.Runtime.Execution;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Telemetry;
using Serverless.Telemetry;

namespace Serverless.Runtime.Dispatch;

/// <content>Spans and measurements of a committed episode.</content>
internal sealed partial class OrchestrationDispatcher
{
    private static void Report(InstanceRecord instance, EpisodeTelemetry? telemetry, DateTimeOffset now)
    {
        if (telemetry is null)
        {
            return;
        }

        var workflow = new KeyValuePair<string, object?>(TelemetryAttributes.Workflow, instance.Name);
        if (telemetry.IsNewInstance)
        {
            RuntimeMetrics.Started.Add(1, workflow);
        }

        if (telemetry.Observations.Count > 0 && RuntimeMetrics.TimerFireLag.Enabled)
        {
            foreach (var timer in telemetry.Observations.OfType<TimerObservation>())
            {
                RuntimeMetrics.TimerFireLag.Record(Math.Max(0, (timer.End - timer.FireAt).TotalSeconds), workflow);
            }
        }

        switch (telemetry.Outcome?.Status)
        {
            case OrchestrationRuntimeStatus.Completed:
                RuntimeMetrics.Completed.Add(1, workflow);
                break;
            case OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated:
                RuntimeMetrics.Failed.Add(1, workflow, new KeyValuePair<string, object?>(TelemetryAttributes.Status, telemetry.Outcome.Status.ToString()));
                break;
        }

        if (telemetry.Trace is { } trace && RuntimeTracing.Source.HasListeners())
        {
            EmitSpans(instance, trace, telemetry, now.UtcDateTime);
        }
    }

    private static void EmitSpans(InstanceRecord instance, OrchestrationTrace trace, EpisodeTelemetry telemetry, DateTime now)
    {
        var context = trace.Context;
        var id = new KeyValuePair<string, object?>(TelemetryAttributes.InstanceId, instance.InstanceId);
        foreach (var observation in telemetry.Observations)
        {
            var (name, detail) = observation switch
            {
                TimerObservation timer => ("timer", new KeyValuePair<string, object?>("serverless.timer.fire_at", timer.FireAt.ToString("O"))),
                EventWaitObservation wait => ($"wait:{wait.Name}", new KeyValuePair<string, object?>(TelemetryAttributes.EventName, wait.Name)),
                _ => throw new InvalidOperationException($"Unknown observation {observation.GetType().Name}."),
            };
            DurableSpan.Emit(name, context, spanId: null, observation.Start, observation.End, [id, detail]);
        }

        if (telemetry.Outcome is not { } outcome)
        {
            return;
        }

        // Start tags win over the orchestrator's own name and version: an interpreted workflow names itself there.
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [TelemetryAttributes.InstanceId] = instance.InstanceId,
            [TelemetryAttributes.Workflow] = instance.Name,
            [TelemetryAttributes.Version] = instance.Version,
        };
        foreach (var (key, value) in telemetry.Tags ?? new Dictionary<string, string>())
        {
            tags[key] = value;
        }

        tags[TelemetryAttributes.Status] = outcome.Status == RuntimeStatus.ContinuedAsNew ? "ContinuedAsNew" : outcome.Status.ToString();
        DurableSpan.Emit($"orchestration:{instance.Name}", trace.ParentContext, trace.SpanId, telemetry.StartedAt, now, tags, span =>
        {
            if (outcome.Failure is { } failure)
            {
                RuntimeTracing.RecordError(span, failure);
            }
            else if (outcome.Status == OrchestrationRuntimeStatus.Completed)
            {
                span.SetStatus(ActivityStatusCode.Ok);
            }
        });
    }
}
