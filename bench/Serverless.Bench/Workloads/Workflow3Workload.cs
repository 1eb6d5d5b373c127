using System.Diagnostics;
using System.Globalization;

namespace Serverless.Bench.Workloads;

/// <summary>
/// W4-like: a 3-step workflow definition run by the interpreter (audit on). First 50 runs one at a time (solo
/// start→complete latency, printed as an extra line), then n instances started at once (summary: workflows/s and
/// start→complete p50/p99 with n in flight).
/// </summary>
internal sealed class Workflow3Workload : IWorkload
{
    private const int SoloRuns = 50;

    private const string Definition = """
        { "name": "three", "version": 1, "steps": [
            { "id": "a", "kind": "activity", "activity": "echo", "input": { "n": "{{input.n}}" } },
            { "id": "b", "kind": "activity", "activity": "echo", "input": { "n": "{{steps.a.output.n + 1}}" } },
            { "id": "c", "kind": "activity", "activity": "echo", "input": { "n": "{{steps.b.output.n + 1}}" } } ],
          "output": "{{steps.c.output.n}}" }
        """;

    public string Name => "workflow3";

    public string Description => "3-step definition via the interpreter: solo latency, then n in flight (workflows/s)";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        await using var host = await WorkflowBenchHost.StartAsync(audit: true);
        var workflow = host.Publish(Definition);

        var solo = new List<double>();
        for (var i = 0; i < SoloRuns + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await host.WaitAsync(await host.StartAsync(workflow, $"solo-{i}"));
            if (i >= 5)
                solo.Add(watch.Elapsed.TotalMilliseconds);
        }

        var (soloP50, soloP99) = Percentiles.Of(solo);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"solo runs={SoloRuns} p50_ms={soloP50:0.000} p99_ms={soloP99:0.000}"));

        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, n).Select(i => host.StartAsync(workflow, $"wf3-{i}")));
        var results = await Task.WhenAll(ids.Select(host.WaitAsync));
        var seconds = clock.Elapsed.TotalSeconds;
        var (p50, p99) = Percentiles.Of(results.Select(r => (r.LastUpdatedAt - r.CreatedAt).TotalMilliseconds));
        return new BenchResult(Name, n, seconds, n / seconds, p50, p99);
    }
}
