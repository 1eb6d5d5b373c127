using System.Diagnostics;
using Serverless.Runtime.History;

namespace Serverless.Bench.Workloads;

/// <summary>W1: one orchestration fans out n no-op activities and fans in. p50/p99: activity scheduled → result recorded.</summary>
internal sealed class FanOutWorkload : IWorkload
{
    public string Name => "fanout";

    public string Description => "one orchestration fans out n no-op activities and fans in";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var registry = BenchHost.NoopRegistry().AddOrchestratorFunc<int, int>("FanOut", BenchOrchestrators.FanOut);
        await using var host = await BenchHost.StartAsync(registry);

        var clock = Stopwatch.StartNew();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", n, cancellationToken);
        var result = await host.WaitAsync(id);
        var seconds = clock.Elapsed.TotalSeconds;
        if (result.ReadOutputAs<int>() != n)
        {
            throw new InvalidOperationException($"fan-out returned {result.SerializedOutput}, expected {n}");
        }

        var history = await host.HistoryAsync(id);
        var scheduled = history.OfType<TaskScheduled>().ToDictionary(t => t.EventId, t => t.Timestamp);
        var (p50, p99) = Percentiles.Of(history.OfType<TaskCompleted>().Select(c => (c.Timestamp - scheduled[c.TaskScheduledId]).TotalMilliseconds));
        return new BenchResult(Name, n, seconds, n / seconds, p50, p99);
    }
}
