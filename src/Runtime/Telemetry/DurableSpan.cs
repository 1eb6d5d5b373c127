using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Serverless.Runtime.Telemetry;

/// <summary>
/// Emits a span that was decided earlier: its span id was chosen when the orchestration started and stored with the
/// instance, and its children (activities, timers, sub-orchestrations) were exported under that id long before the
/// orchestration ended, possibly by another process. <see cref="Activity"/> always draws a random span id when it
/// starts, and no public API sets one, so the stored id is written into the started activity's own fields (the
/// approach the Durable Task Framework takes for the same problem). If a future runtime renames those fields, the
/// span keeps its random id, the tree loses the link, and <see cref="IsSupported"/> turns false (a test checks it).
/// </summary>
internal static class DurableSpan
{
    private static bool _unsupported;

    /// <summary>False once writing a span id failed on this runtime.</summary>
    public static bool IsSupported => !Volatile.Read(ref _unsupported);

    /// <summary>
    /// Creates, starts and stops one span with the given identity and times. Nothing happens when no listener samples it.
    /// </summary>
    /// <param name="name">The span name.</param>
    /// <param name="parent">Its parent context (or a context with only the trace id, for a root).</param>
    /// <param name="spanId">The span id to give it; null keeps the random one.</param>
    /// <param name="start">When it started.</param>
    /// <param name="end">When it ended.</param>
    /// <param name="tags">Its attributes.</param>
    /// <param name="annotate">Sets status, events and late attributes before the span ends.</param>
    public static void Emit(
        string name, ActivityContext parent, ActivitySpanId? spanId, DateTime start, DateTime end,
        IEnumerable<KeyValuePair<string, object?>> tags, Action<Activity>? annotate = null)
    {
        var previous = Activity.Current;
        try
        {
            // No ambient span may adopt it: its parent is exactly the stored one.
            Activity.Current = null;
            var activity = RuntimeTracing.Source.CreateActivity(name, ActivityKind.Internal, parent, tags, null, ActivityIdFormat.W3C);
            if (activity is null)
            {
                return;
            }

            activity.SetStartTime(start);
            activity.Start();
            if (spanId is { } id)
            {
                SetSpanId(activity, id);
            }

            annotate?.Invoke(activity);
            activity.SetEndTime(end < start ? start : end);
            activity.Stop();
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    private static void SetSpanId(Activity activity, ActivitySpanId spanId)
    {
        if (!IsSupported)
        {
            return;
        }

        try
        {
            SpanIdField(activity) = spanId.ToHexString();
            IdField(activity) = null;
            if (activity.SpanId != spanId)
            {
                Volatile.Write(ref _unsupported, true);
            }
        }
        catch (MissingFieldException)
        {
            Volatile.Write(ref _unsupported, true);
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_spanId")]
    private static extern ref string? SpanIdField(Activity activity);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_id")]
    private static extern ref string? IdField(Activity activity);
}
