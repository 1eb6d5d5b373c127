using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Serverless.Approvals;
using Serverless.Orchestrations.Workflows;
using Serverless.Telemetry;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>The interpreter's meter, read with a <see cref="MeterListener"/> (measurements of other tests are told apart by workflow name).</summary>
public sealed class WorkflowMetricsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = new();

    public WorkflowMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ServerlessTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    [Fact]
    public async Task Approval_DecidedTwoHoursLaterAcrossACrash_WaitMeasuredOnceAndInstanceCountedOnce()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish("""
            { "name": "metered-approval", "version": 2, "steps": [
                { "id": "decide", "kind": "approval", "approvers": ["alice"] },
                { "id": "after", "kind": "delay", "duration": "PT1M" } ] }
            """));
        await host.WaitForHistoryAsync(id, h => h.Count > 0);

        // The restarted runtime replays the start and the request: neither may be counted again.
        await host.CrashAndRestartAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        await host.DecideAsync(id, "decide", "alice", approved: true, "fine");
        await host.AdvanceAfterTimersAsync(id, 1, TimeSpan.FromMinutes(1));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.CompleteAsync(id)).RuntimeStatus);

        Assert.Equal(1, Sum("serverless.workflows.started"));
        Assert.Equal(1, Sum("serverless.workflows.completed"));
        Assert.Equal(0, Sum("serverless.workflows.failed"));
        var wait = Assert.Single(Of("serverless.approval.wait"));
        Assert.Equal(TimeSpan.FromHours(2).TotalSeconds, wait.Value, precision: 3);
        Assert.Equal(("decide", "granted"), (wait.Tags[TelemetryAttributes.StepId], wait.Tags[TelemetryAttributes.Outcome]));
        var steps = Of("serverless.step.duration").Select(m => ((string?)m.Tags[TelemetryAttributes.StepId], m.Value)).OrderBy(s => s.Item1).ToList();
        Assert.Equal([("after", 60.0), ("decide", 7200.0)], steps);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if (copy.GetValueOrDefault(TelemetryAttributes.Workflow) as string == "metered-approval")
        {
            _measured.Enqueue((instrument.Name, value, copy));
        }
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
        _measured.Where(m => m.Instrument == instrument).ToList();

    private double Sum(string instrument) => Of(instrument).Sum(m => m.Value);
}
