using System.Diagnostics;
using System.Globalization;

namespace Serverless.Bench.Workloads;

/// <summary>
/// Scale on one machine: n instances each waiting on an approval (an external event raced against a timer days
/// away), then a restart on the same SQLite file in a fresh process. One child process creates them and stops
/// gracefully; a second one starts on the file and measures time to ready (process start until a raised event was
/// processed), resident memory, and the latency of raising events into random waiting instances.
/// Seconds = time to ready; per_second = raises/s of the sequential raise loop; p50/p99 = raise→instance completed.
/// </summary>
internal sealed class WaitingWorkload : IWorkload
{
    public string Name => "waiting";

    public string Description => "n instances waiting on an approval (event vs timer), restart in a fresh process: ready time, memory, raise latency";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "serverless-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "waiting.db");
        try
        {
            var created = await RunChildAsync(WaitingChild.CreateCommand, database, n, cancellationToken);
            var storeBytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);

            var clock = Stopwatch.StartNew();
            var served = await RunChildAsync(WaitingChild.ServeCommand, database, n, cancellationToken);
            var wall = clock.Elapsed.TotalSeconds;

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"create n={n} seconds={created["seconds"]} per_second={created["per_second"]} rss_mib={created["rss_mib"]} heap_mib={created["heap_mib"]} timers_in_memory={created["timers"]} cached={created["cached"]} cpu_s={created["cpu_s"]}"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"store bytes={storeBytes} mib={storeBytes / 1048576.0:0.0} per_instance_bytes={storeBytes / Math.Max(n, 1)}"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"restart ready_s={served["ready_s"]} runtime_start_ms={served["start_ms"]} first_event_ms={served["first_ms"]} ready_cpu_s={served["ready_cpu_s"]} rss_ready_mib={served["rss_ready_mib"]} heap_ready_mib={served["heap_ready_mib"]} timers_in_memory={served["timers_ready"]}"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"raise k={served["k"]} call_p50_ms={served["call_p50"]} call_p99_ms={served["call_p99"]} complete_p50_ms={served["done_p50"]} complete_p99_ms={served["done_p99"]} rss_after_mib={served["rss_after_mib"]} heap_after_mib={served["heap_after_mib"]} cached={served["cached"]} timers_in_memory={served["timers_after"]} idle_settling_cpu_ms_per_s={served["idle_settling_cpu_ms_per_s"]} idle_cpu_ms_per_s={served["idle_cpu_ms_per_s"]} child_wall_s={wall:0.00}"));

            return new BenchResult(
                Name, n, Number(served, "ready_s"), Number(served, "per_second"), Number(served, "done_p50"), Number(served, "done_p99"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Number(IReadOnlyDictionary<string, string> values, string key) =>
        double.Parse(values[key], CultureInfo.InvariantCulture);

    /// <summary>Runs the bench assembly as a child with one of <see cref="WaitingChild"/>'s commands; returns its result line's key=value pairs.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> RunChildAsync(string command, string database, int n, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(WaitingWorkload).Assembly.Location, command, database, n.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
        string? result = null;
        while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(WaitingChild.ResultPrefix, StringComparison.Ordinal))
            {
                result = line[WaitingChild.ResultPrefix.Length..];
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        await child.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"child '{command}' exited {child.ExitCode} without a result");
        }

        return result.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
    }
}
