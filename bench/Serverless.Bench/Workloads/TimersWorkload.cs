using System.Diagnostics;
using Microsoft.DurableTask;
using Serverless.Runtime.History;

namespace Serverless.Bench.Workloads;

/// <summary>W6: n orchestrations each wait on a durable timer, all due at the same moment. p50/p99 are fire lag.</summary>
internal sealed class TimersWorkload : IWorkload
{
    public string Name => "timers";

    public string Description => "n timers due at the same moment (p50/p99 = fire lag)";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var registry = BenchHost.NoopRegistry().AddOrchestratorFunc<DateTime, DateTime>("Sleep", BenchOrchestrators.Sleep);
        await using var host = await BenchHost.StartAsync(registry);

        // Every timer is due 3 s + 0.5 ms per instance from now, so all are created before any is due.
        var dueAt = DateTime.UtcNow.AddSeconds(3).AddMilliseconds(n * 0.5);
        var ids = await Task.WhenAll(Enumerable.Range(0, n).Select(i =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Sleep", dueAt, new StartOrchestrationOptions($"timer-{i}"), cancellationToken)));
        var created = DateTime.UtcNow;
        if (created >= dueAt)
        {
            throw new InvalidOperationException("creating the timers took longer than the lead time; raise it");
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(host.WaitAsync));
        var seconds = clock.Elapsed.TotalSeconds - (dueAt - created).TotalSeconds;
        var lags = new List<double>();
        foreach (var id in ids)
        {
            var history = await host.HistoryAsync(id);
            var firedEpisode = history.SkipWhile(e => e is not TimerFired).First();
            var episodeStart = history.TakeWhile(e => e is not TimerFired).OfType<OrchestratorStarted>().Last();
            lags.Add((episodeStart.Timestamp - dueAt).TotalMilliseconds);
            _ = firedEpisode;
        }

        var (p50, p99) = Percentiles.Of(lags);
        return new BenchResult(Name, n, seconds, n / Math.Max(seconds, 1e-6), p50, p99);
    }
}
