using System.Diagnostics;
using Serverless.Runtime.History;

namespace Serverless.Bench.Workloads;

/// <summary>W7: n external events raised into one waiting instance. p50/p99: raised → delivered in an episode.</summary>
internal sealed class EventsWorkload : IWorkload
{
    public string Name => "events";

    public string Description => "n external events raised into one waiting instance (events/s)";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var registry = BenchHost.NoopRegistry().AddOrchestratorFunc<int, int>("Inbox", BenchOrchestrators.Inbox);
        await using var host = await BenchHost.StartAsync(registry);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Inbox", n, cancellationToken);
        await host.Client.WaitForInstanceStartAsync(id, false, cancellationToken);

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, n), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => await host.Client.RaiseEventAsync(id, "item", 1, ct));
        var result = await host.WaitAsync(id);
        var seconds = clock.Elapsed.TotalSeconds;
        if (result.ReadOutputAs<int>() != n)
        {
            throw new InvalidOperationException($"received {result.SerializedOutput} of {n} events");
        }

        var history = await host.HistoryAsync(id);
        var lags = new List<double>();
        var episodeStart = DateTime.MinValue;
        foreach (var e in history)
        {
            if (e is OrchestratorStarted s)
            {
                episodeStart = s.Timestamp;
            }
            else if (e is EventRaised raised)
            {
                lags.Add((episodeStart - raised.Timestamp).TotalMilliseconds);
            }
        }

        var (p50, p99) = Percentiles.Of(lags);
        return new BenchResult(Name, n, seconds, n / seconds, p50, p99);
    }
}
