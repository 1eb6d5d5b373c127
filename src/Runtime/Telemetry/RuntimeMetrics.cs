using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Serverless.Telemetry;

namespace Serverless.Runtime.Telemetry;

/// <summary>
/// The embedded runtime's instruments. Counters and histograms are recorded after commits; the queue gauges are
/// read only when a listener collects them, from every runtime alive in the process (tagged by hub).
/// </summary>
internal static class RuntimeMetrics
{
    // Before the gauges: they are created in declaration order and read this.
    private static readonly ConcurrentDictionary<DurableRuntime, byte> Live = new();

    /// <summary>Orchestration instances that started (not counting ContinueAsNew), by orchestrator name.</summary>
    public static Counter<long> Started { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.orchestrations.started", "{instance}", "Orchestration instances started, by orchestrator.");

    /// <summary>Instances that completed.</summary>
    public static Counter<long> Completed { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.orchestrations.completed", "{instance}", "Orchestration instances that completed, by orchestrator.");

    /// <summary>Instances that failed or were terminated.</summary>
    public static Counter<long> Failed { get; } = ServerlessTelemetry.Meter.CreateCounter<long>(
        "serverless.orchestrations.failed", "{instance}", "Orchestration instances that failed or were terminated, by orchestrator and status.");

    /// <summary>How late durable timers fired.</summary>
    public static Histogram<double> TimerFireLag { get; } = ServerlessTelemetry.Meter.CreateHistogram<double>(
        "serverless.timer.fire_lag", "s", "Time from a durable timer's due time to the episode that received it.");

    /// <summary>Work items queued or running in each live runtime.</summary>
    public static ObservableGauge<long> Backlog { get; } = ServerlessTelemetry.Meter.CreateObservableGauge(
        "serverless.activity.backlog", ObserveBacklog, "{work_item}", "Activity work items leased by this process and not finished.");

    /// <summary>Age of the oldest work item waiting for a worker in each live runtime.</summary>
    public static ObservableGauge<double> OldestAge { get; } = ServerlessTelemetry.Meter.CreateObservableGauge(
        "serverless.activity.oldest_age", ObserveOldestAge, "s", "Age of the oldest activity work item waiting for a worker in this process.");

    /// <summary>Includes a runtime in the queue gauges.</summary>
    /// <param name="runtime">The started runtime.</param>
    public static void Track(DurableRuntime runtime)
    {
        Live.TryAdd(runtime, 0);
    }

    /// <summary>Removes a stopped runtime from the queue gauges.</summary>
    /// <param name="runtime">The runtime.</param>
    public static void Untrack(DurableRuntime runtime) => Live.TryRemove(runtime, out _);

    private static IEnumerable<Measurement<long>> ObserveBacklog() =>
        Live.Keys.Select(r => new Measurement<long>(r.Activities.Backlog, new KeyValuePair<string, object?>("serverless.hub", r.Options.HubName)));

    private static IEnumerable<Measurement<double>> ObserveOldestAge() =>
        Live.Keys.Select(r => new Measurement<double>(
            r.Activities.OldestWaitingAge.TotalSeconds, new KeyValuePair<string, object?>("serverless.hub", r.Options.HubName)));
}
