using System.Globalization;
using System.Text;
using Serverless.Bench.Workloads;
using Serverless.Conformance.Tests.Engines;

namespace Serverless.Bench.Compare;

/// <summary>
/// <c>compare [rounds]</c>: every engine workload on our runtime, on Microsoft's in-memory engine and (when the
/// AZURITE_*_ENDPOINT variables are set) on DurableTask.AzureStorage over Azurite, interleaved: in each round every
/// workload runs once on each engine, the engine order rotating from round to round. Prints one markdown table.
/// </summary>
internal static class CompareCommand
{
    /// <summary>The command name.</summary>
    public const string Name = "compare";

    private static readonly string[] s_azuriteVariables = ["AZURITE_BLOB_ENDPOINT", "AZURITE_QUEUE_ENDPOINT", "AZURITE_TABLE_ENDPOINT"];

    /// <summary>Sizes per workload: ours and the in-memory engine run the same n; AzureStorage (~50× slower) a smaller one.</summary>
    private static readonly IReadOnlyDictionary<string, (int Local, int AzureStorage, string Unit)> s_sizes =
        new Dictionary<string, (int, int, string)>(StringComparer.Ordinal)
        {
            ["fanout"] = (5_000, 200, "activities"),
            ["chain"] = (500, 50, "activities"),
            ["hello"] = (1_000, 50, "orchestrations"),
            ["timers"] = (5_000, 100, "timers"),
            ["events"] = (5_000, 200, "events"),
        };

    /// <summary>Runs the comparison and prints the table; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<IWorkload> workloads)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        if (rounds < 1)
        {
            Console.Error.WriteLine("usage: Serverless.Bench compare [rounds ≥ 1]");
            return 2;
        }

        var withAzurite = s_azuriteVariables.All(v => Environment.GetEnvironmentVariable(v) is { Length: > 0 });
        CompareEngine[] engines = withAzurite
            ? [CompareEngine.Ours, CompareEngine.InMemory, CompareEngine.AzureStorage]
            : [CompareEngine.Ours, CompareEngine.InMemory];
        if (!withAzurite)
        {
            Console.Error.WriteLine($"AzureStorage skipped: set {string.Join(", ", s_azuriteVariables)} to an Azurite to include it.");
        }

        var seconds = new Dictionary<(string, CompareEngine), List<double>>();
        for (var round = 0; round < rounds; round++)
        {
            var order = engines.Skip(round % engines.Length).Concat(engines.Take(round % engines.Length)).ToList();
            foreach (var workload in SidecarWorkloads.Names)
            {
                foreach (var engine in order)
                {
                    var n = SizeOf(workload, engine);
                    var s = await RunOnceAsync(workload, engine, n, workloads);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round={round + 1} workload={workload} engine={engine} n={n} seconds={s:0.000}"));
                    (seconds.TryGetValue((workload, engine), out var list) ? list : seconds[(workload, engine)] = []).Add(s);
                }
            }
        }

        Console.WriteLine(Table(engines, seconds, rounds));
        return 0;
    }

    private static int SizeOf(string workload, CompareEngine engine) =>
        engine == CompareEngine.AzureStorage ? s_sizes[workload].AzureStorage : s_sizes[workload].Local;

    private static async Task<double> RunOnceAsync(string workload, CompareEngine engine, int n, IReadOnlyList<IWorkload> workloads)
    {
        if (engine == CompareEngine.Ours)
        {
            return (await workloads.Single(w => w.Name == workload).RunAsync(n, CancellationToken.None)).Seconds;
        }

        await using var sidecar = await SidecarBenchEngine.StartAsync(engine, engine == CompareEngine.AzureStorage ? AzuriteStorage.ConnectionString : null);
        // Starting an instance through the sidecar takes longer than in-process (TimersWorkload allows 0.5 ms each).
        var timerLead = TimeSpan.FromMilliseconds(engine == CompareEngine.AzureStorage ? 50 : 1);
        return await SidecarWorkloads.RunAsync(workload, sidecar.Client, n, timerLead, CancellationToken.None);
    }

    private static string Table(IReadOnlyList<CompareEngine> engines, Dictionary<(string, CompareEngine), List<double>> seconds, int rounds)
    {
        var microsoft = engines.Where(e => e != CompareEngine.Ours).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"| workload | n ({string.Join(" / ", engines.Select(Label))}) |");
        foreach (var engine in engines)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Label(engine)} s (min / median / max) |");
        }

        text.Append(CultureInfo.InvariantCulture, $" per second, median ({string.Join(" / ", engines.Select(Label))}) |");
        foreach (var engine in microsoft)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Label(engine)} ÷ ours (time per item) |");
        }

        text.AppendLine();
        text.Append('|').Append(string.Concat(Enumerable.Repeat("---|", 2)))
            .Append(string.Concat(Enumerable.Repeat("---:|", engines.Count + 1 + microsoft.Count))).AppendLine();
        foreach (var workload in SidecarWorkloads.Names)
        {
            var (_, _, unit) = s_sizes[workload];
            double Rate(CompareEngine e) => SizeOf(workload, e) / Median(seconds[(workload, e)]);
            text.Append(CultureInfo.InvariantCulture, $"| {workload} | {string.Join(" / ", engines.Select(e => SizeOf(workload, e).ToString("N0", CultureInfo.InvariantCulture)))} |");
            foreach (var engine in engines)
            {
                var s = seconds[(workload, engine)];
                text.Append(CultureInfo.InvariantCulture, $" {s.Min():0.00} / **{Median(s):0.00}** / {s.Max():0.00} |");
            }

            text.Append(CultureInfo.InvariantCulture, $" {string.Join(" / ", engines.Select(e => Rate(e).ToString("N0", CultureInfo.InvariantCulture)))} {unit} |");
            foreach (var engine in microsoft)
            {
                text.Append(CultureInfo.InvariantCulture, $" **{Rate(CompareEngine.Ours) / Rate(engine):0.0}×** |");
            }

            text.AppendLine();
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{rounds} runs per cell, interleaved. Ratio: median seconds per item on Microsoft's engine ÷ on ours.");
        return text.ToString();
    }

    private static string Label(CompareEngine engine) => engine switch
    {
        CompareEngine.Ours => "ours",
        CompareEngine.InMemory => "in-memory",
        _ => "AzureStorage",
    };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
