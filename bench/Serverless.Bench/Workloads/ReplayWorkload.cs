using System.Diagnostics;
using Microsoft.DurableTask;
using Serverless.Runtime;
using Serverless.Runtime.History;

namespace Serverless.Bench.Workloads;

/// <summary>
/// W5: total work of an n-step chain (cached executors: must grow linearly with n), and the cost of one
/// episode that has to replay the whole history of length n (after eviction or restart): p50/p99 of 20 replays.
/// </summary>
internal sealed class ReplayWorkload : IWorkload
{
    private const int Replays = 20;

    public string Name => "replay";

    public string Description => "total work of an n-step chain, and p50/p99 of one full replay at history length n";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var (seconds, history) = await ChainWorkload.RunChainAsync(n, cacheSize: 10_000);
        var replayable = history.TakeWhile(e => e is not ExecutionCompleted).ToList();
        var orchestrator = new ChainOrchestrator();
        var samples = new List<double>();
        for (var i = 0; i < Replays + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            OrchestrationReplayer.Replay(orchestrator, replayable);
            if (i >= 2)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"history_events={history.Count} full_replay_per_event_us={samples.Average() * 1000 / history.Count:0.000}");
        var (p50, p99) = Percentiles.Of(samples);
        return new BenchResult(Name, n, seconds, n / seconds, p50, p99);
    }

    private sealed class ChainOrchestrator : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            var x = 0;
            for (var i = 0; i < input; i++)
            {
                x = await context.CallActivityAsync<int>("Noop", x + 1);
            }

            return x;
        }
    }
}
