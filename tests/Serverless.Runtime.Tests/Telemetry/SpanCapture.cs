using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;

namespace Serverless.Tests.Telemetry;

/// <summary>
/// An OpenTelemetry processor that hands the spans of the traces a test follows to the in-memory exporter and wakes
/// waiters on each one. Listeners are process-wide, so spans of tests running beside this one are left out by trace id.
/// </summary>
internal sealed class SpanCapture : BaseProcessor<Activity>
{
    private readonly List<Activity> _exported = [];
    private readonly SimpleActivityExportProcessor _export;
    private readonly HashSet<ActivityTraceId> _followed = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SpanCapture() => _export = new SimpleActivityExportProcessor(new InMemoryExporter<Activity>(_exported));

    /// <summary>Keeps the spans of <paramref name="traceId"/>.</summary>
    public void Follow(ActivityTraceId traceId)
    {
        lock (_gate)
        {
            _followed.Add(traceId);
        }
    }

    /// <summary>The spans exported so far.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_gate)
            {
                return [.. _exported];
            }
        }
    }

    /// <summary>Waits until the exported spans satisfy <paramref name="condition"/>, re-checking on each new span.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForAsync(Func<IReadOnlyList<Activity>, bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var spans = Spans;
            if (condition(spans))
            {
                return spans;
            }

            await changed.WaitAsync(limit.Token);
        }
    }

    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (!_followed.Contains(data.TraceId))
            {
                return;
            }

            _export.OnEnd(data);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _export.Dispose();
        }

        base.Dispose(disposing);
    }
}
