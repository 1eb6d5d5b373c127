using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;

namespace Serverless.Bench.Workloads;

/// <summary>W2: one orchestration calls n no-op activities in sequence. p50/p99 per step (one TaskScheduled to the next).</summary>
internal sealed class ChainWorkload : IWorkload
{
    public string Name => "chain";

    public string Description => "one orchestration calls n no-op activities in sequence (p50/p99 per step)";

    public static TaskRegistry Registry() => BenchHost.NoopRegistry().AddOrchestratorFunc<int, int>("Chain", BenchOrchestrators.Chain);

    public static async Task<(double Seconds, IReadOnlyList<HistoryEvent> History)> RunChainAsync(int n, int cacheSize)
    {
        await using var host = await BenchHost.StartAsync(Registry(), cacheSize);
        var clock = Stopwatch.StartNew();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", n);
        var result = await host.WaitAsync(id);
        var seconds = clock.Elapsed.TotalSeconds;
        if (result.RuntimeStatus != OrchestrationRuntimeStatus.Completed || result.ReadOutputAs<int>() != n)
        {
            throw new InvalidOperationException($"chain ended {result.RuntimeStatus} with {result.SerializedOutput}");
        }

        return (seconds, await host.HistoryAsync(id));
    }

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var (seconds, history) = await RunChainAsync(n, cacheSize: 10_000);
        var starts = history.OfType<TaskScheduled>().Select(t => t.Timestamp).ToList();
        var gaps = starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        var (p50, p99) = Percentiles.Of(gaps);
        Console.WriteLine($"step_ms mean={gaps.Average():0.000} p90={gaps.Order().ElementAt((int)(gaps.Count * 0.9)):0.000} max={gaps.Max():0.000} over_10ms={gaps.Count(g => g > 10)}");
        return new BenchResult(Name, n, seconds, n / seconds, p50, p99);
    }
}
