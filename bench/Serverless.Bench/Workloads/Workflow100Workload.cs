using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Bench.Workloads;

/// <summary>
/// Per-step cost of a 100-step definition: n instances run one after another, without audit (extra line) and with
/// audit (summary). per_second is steps/s; p50/p99 are per-instance start→complete.
/// </summary>
internal sealed class Workflow100Workload : IWorkload
{
    private const int Steps = 100;

    public string Name => "workflow100";

    public string Description => "100-step definition, n instances one at a time, with and without audit (steps/s)";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var definition = new JsonObject
        {
            ["name"] = "hundred",
            ["version"] = 1,
            ["steps"] = new JsonArray([.. Enumerable.Range(0, Steps).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"s{i}",
                ["kind"] = "activity",
                ["activity"] = "echo",
                ["input"] = i == 0 ? "{{input.n}}" : $"{{{{steps.s{i - 1}.output + 1}}}}",
            })]),
        }.ToJsonString();

        var quiet = await MeasureAsync(definition, n, audit: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"audit=off n={n} seconds={quiet.Seconds:0.000} steps_per_second={quiet.PerSecond:0.0} ms_per_step={1000 / quiet.PerSecond:0.000} cpu_ms_per_step={quiet.CpuMsPerStep:0.000} p50_ms={quiet.P50Ms:0.000} p99_ms={quiet.P99Ms:0.000}"));
        var audited = await MeasureAsync(definition, n, audit: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"audit=on  n={n} seconds={audited.Seconds:0.000} steps_per_second={audited.PerSecond:0.0} ms_per_step={1000 / audited.PerSecond:0.000} cpu_ms_per_step={audited.CpuMsPerStep:0.000} p50_ms={audited.P50Ms:0.000} p99_ms={audited.P99Ms:0.000}"));
        return audited.Result;
    }

    private async Task<Measured> MeasureAsync(string definition, int n, bool audit)
    {
        await using var host = await WorkflowBenchHost.StartAsync(audit);
        var workflow = host.Publish(definition);
        await host.WaitAsync(await host.StartAsync(workflow, "warmup"));
        var latencies = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var watch = Stopwatch.StartNew();
            await host.WaitAsync(await host.StartAsync(workflow, $"wf100-{i}"));
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var (p50, p99) = Percentiles.Of(latencies);
        return new Measured(new BenchResult(Name, n, seconds, n * Steps / seconds, p50, p99), cpu.TotalMilliseconds / (n * Steps));
    }

    /// <summary>A run's result and the process CPU it took per step (all threads, so it holds under machine load).</summary>
    private sealed record Measured(BenchResult Result, double CpuMsPerStep)
    {
        public double Seconds => Result.Seconds;

        public double PerSecond => Result.PerSecond;

        public double P50Ms => Result.P50Ms;

        public double P99Ms => Result.P99Ms;
    }
}
