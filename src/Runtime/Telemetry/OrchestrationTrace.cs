using System.Diagnostics;
using System.Text.Json.Serialization;

namespace Serverless.Runtime.Telemetry;

/// <summary>
/// The W3C trace identity of one orchestration execution, stored in its <c>ExecutionStarted</c> event so every
/// episode, on any process and after any restart, parents its spans to the same orchestration span.
/// </summary>
/// <param name="TraceParent">The orchestration span's own W3C <c>traceparent</c> (<c>00-trace-span-flags</c>).</param>
/// <param name="ParentSpanId">The span it hangs under (the start request, or the parent orchestration); null for a root.</param>
/// <param name="TraceState">The W3C <c>tracestate</c> carried from the caller, if any.</param>
public sealed record OrchestrationTrace(string TraceParent, string? ParentSpanId = null, string? TraceState = null)
{
    /// <summary>The orchestration span's context: the parent of its activities, timers, waits and children.</summary>
    [JsonIgnore]
    public ActivityContext Context =>
        ActivityContext.TryParse(TraceParent, TraceState, isRemote: true, out var context) ? context : default;

    /// <summary>The context the orchestration span itself hangs under (a span id of zeros for a root).</summary>
    [JsonIgnore]
    public ActivityContext ParentContext
    {
        get
        {
            var own = Context;
            var parentSpan = ParentSpanId is { Length: 16 } id ? ActivitySpanId.CreateFromString(id) : default;
            return new ActivityContext(own.TraceId, parentSpan, own.TraceFlags, TraceState, isRemote: true);
        }
    }

    /// <summary>The orchestration span id.</summary>
    [JsonIgnore]
    public ActivitySpanId SpanId => Context.SpanId;

    /// <summary>A new trace identity under <paramref name="parent"/>, or a new root trace when there is none.</summary>
    /// <param name="parent">The caller's span context (the HTTP request), or default.</param>
    /// <returns>The identity.</returns>
    public static OrchestrationTrace Under(ActivityContext parent) =>
        parent.TraceId == default
            ? new OrchestrationTrace(Format(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded))
            : new OrchestrationTrace(
                Format(parent.TraceId, ActivitySpanId.CreateRandom(), parent.TraceFlags), parent.SpanId.ToHexString(), parent.TraceState);

    /// <summary>The identity of a sub-orchestration started by this one: same trace, parented to this span.</summary>
    /// <returns>The child's identity.</returns>
    public OrchestrationTrace ForChild() => Under(Context);

    /// <summary>The identity of the next execution after ContinueAsNew: same trace and parent, a new span.</summary>
    /// <returns>The next execution's identity.</returns>
    public OrchestrationTrace ForNextExecution()
    {
        var own = Context;
        return this with { TraceParent = Format(own.TraceId, ActivitySpanId.CreateRandom(), own.TraceFlags) };
    }

    private static string Format(ActivityTraceId traceId, ActivitySpanId spanId, ActivityTraceFlags flags) =>
        $"00-{traceId.ToHexString()}-{spanId.ToHexString()}-{(flags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
}
