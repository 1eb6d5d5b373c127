using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Serverless.Bench.Workloads;

/// <summary>W3: n orchestrations started at once, each calling 5 activities. per_second is orchestrations/s; p50/p99 start→complete.</summary>
internal sealed class HelloWorkload : IWorkload
{
    public string Name => "hello";

    public string Description => "n orchestrations started at once, each calling 5 activities (orchestrations/s)";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var registry = BenchHost.NoopRegistry().AddOrchestratorFunc<int, int>("Hello5", BenchOrchestrators.Hello5);
        await using var host = await BenchHost.StartAsync(registry);

        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, n).Select(i =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Hello5", i, new StartOrchestrationOptions($"hello-{i}"), cancellationToken)));
        var results = await Task.WhenAll(ids.Select(host.WaitAsync));
        var seconds = clock.Elapsed.TotalSeconds;
        if (results.Any(r => r.RuntimeStatus != OrchestrationRuntimeStatus.Completed))
        {
            throw new InvalidOperationException("an orchestration did not complete");
        }

        var (p50, p99) = Percentiles.Of(results.Select(r => (r.LastUpdatedAt - r.CreatedAt).TotalMilliseconds));
        return new BenchResult(Name, n, seconds, n / seconds, p50, p99);
    }
}
