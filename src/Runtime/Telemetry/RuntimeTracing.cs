using System.Diagnostics;
using Microsoft.DurableTask;
using Serverless.Runtime.Storage;
using Serverless.Telemetry;

namespace Serverless.Runtime.Telemetry;

/// <summary>
/// The runtime's spans. An orchestration's trace identity is decided when it starts and stored in its
/// <c>ExecutionStarted</c> event; spans are emitted from what an episode commits (never from replay), so a restarted
/// process continues the same trace and repeats no span. Activity executions are live spans, current while the
/// activity runs, so the HTTP client's own spans and outgoing <c>traceparent</c> headers hang under them.
/// </summary>
internal static class RuntimeTracing
{
    /// <summary>The activity source (shared with the rest of the product).</summary>
    public static ActivitySource Source => ServerlessTelemetry.Source;

    /// <summary>A trace identity for a new orchestration under the current span, or null when nobody listens.</summary>
    /// <returns>The identity, or null.</returns>
    public static OrchestrationTrace? BeginOrchestration() =>
        Source.HasListeners() ? OrchestrationTrace.Under(Activity.Current?.Context ?? default) : null;

    /// <summary>Starts the span of one activity execution, current on this async flow; null when not traced.</summary>
    /// <param name="item">The work item.</param>
    /// <returns>The started span, or null.</returns>
    public static Activity? StartActivityExecution(ActivityWorkItem item)
    {
        if (item.TraceParent is null || !Source.HasListeners()
            || !ActivityContext.TryParse(item.TraceParent, null, isRemote: true, out var parent))
        {
            return null;
        }

        Activity.Current = null;
        var span = Source.StartActivity($"activity:{item.Name}", ActivityKind.Internal, parent);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryAttributes.InstanceId, item.InstanceId);
            span.SetTag(TelemetryAttributes.Activity, item.Name);
            span.SetTag(TelemetryAttributes.DequeueCount, item.DequeueCount);
        }

        return span;
    }

    /// <summary>Marks a span failed, following the OpenTelemetry conventions for errors.</summary>
    /// <param name="span">The span.</param>
    /// <param name="error">The exception.</param>
    public static void RecordError(Activity? span, Exception error)
    {
        if (span is null)
        {
            return;
        }

        span.SetStatus(ActivityStatusCode.Error, error.Message);
        span.SetTag(TelemetryAttributes.ErrorType, error.GetType().FullName);
        span.AddException(error);
    }

    /// <summary>Marks a span failed from stored failure details (the exception itself is gone).</summary>
    /// <param name="span">The span.</param>
    /// <param name="failure">The failure.</param>
    public static void RecordError(Activity span, TaskFailureDetails failure)
    {
        span.SetStatus(ActivityStatusCode.Error, failure.ErrorMessage);
        span.SetTag(TelemetryAttributes.ErrorType, failure.ErrorType);
        span.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
        {
            ["exception.type"] = failure.ErrorType,
            ["exception.message"] = failure.ErrorMessage,
            ["exception.stacktrace"] = failure.StackTrace,
        }));
    }
}
