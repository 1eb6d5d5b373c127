using System.Globalization;
using System.Reflection;

namespace Serverless.Bench;

/// <summary>A benchmark workload: one named scenario measured at size n.</summary>
internal interface IWorkload
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>One line saying what the workload measures.</summary>
    string Description { get; }

    /// <summary>Runs the workload at size <paramref name="n"/> and returns its measurements.</summary>
    Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken);
}

/// <summary>What one workload run measured.</summary>
internal sealed record BenchResult(string Workload, int N, double Seconds, double PerSecond, double P50Ms, double P99Ms)
{
    /// <summary>The one summary line every run prints last.</summary>
    public string ToSummaryLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"workload={Workload} n={N} seconds={Seconds:0.000} per_second={PerSecond:0.0} p50_ms={P50Ms:0.000} p99_ms={P99Ms:0.000}");
}

/// <summary>Finds workloads by name (every <see cref="IWorkload"/> in this assembly) and runs one.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var workloads = typeof(BenchRunner).Assembly.GetTypes()
            .Where(t => typeof(IWorkload).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IWorkload)Activator.CreateInstance(t)!)
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ToList();

        if (args is [Compare.CompareCommand.Name, ..])
        {
            return await Compare.CompareCommand.RunAsync(args, workloads);
        }

        if (args.Length < 1 || workloads.All(w => w.Name != args[0]))
        {
            Console.Error.WriteLine("usage: Serverless.Bench <workload> [n]");
            Console.Error.WriteLine("       Serverless.Bench compare [rounds]   (engine workloads on ours and Microsoft's engines; bench/README.md)");
            foreach (var w in workloads)
            {
                Console.Error.WriteLine($"  {w.Name,-16} {w.Description}");
            }

            return 2;
        }

        var workload = workloads.Single(w => w.Name == args[0]);
        var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        BenchResult result;
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        using (BenchTelemetry.StartIfAsked())
        {
            result = await workload.RunAsync(n, CancellationToken.None);
        }

        // Process CPU (all threads) of the run: unlike wall time it barely moves when other jobs share the machine.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu_seconds={cpu.TotalSeconds:0.000} cpu_ms_per_item={cpu.TotalMilliseconds / n:0.000}"));
        Console.WriteLine(result.ToSummaryLine());
        return 0;
    }
}
