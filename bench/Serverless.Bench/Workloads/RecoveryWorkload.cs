using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Runtime;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Bench.Workloads;

/// <summary>
/// Recovery after a crash: a child process runs n instances on a SQLite file with default settings (30 s leases)
/// until every instance is mid-run, is killed with SIGKILL, and a new runtime on the same file finishes them.
/// Seconds = restart to the last completion; p50/p99 = restart to each instance's completion.
/// </summary>
internal sealed class RecoveryWorkload : IWorkload
{
    /// <summary>The hidden command the child process runs: <c>recovery-child &lt;database&gt; &lt;n&gt;</c>.</summary>
    public const string ChildCommand = "recovery-child";

    private const int Steps = 20;

    public string Name => "recovery";

    public string Description => "n instances in flight, kill -9, restart on the same file: time until all complete (default 30 s leases)";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "serverless-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "recovery.db");
        try
        {
            await RunChildUntilMidRunThenKillAsync(database, n, cancellationToken);

            var restart = Stopwatch.StartNew();
            await using var runtime = await DurableRuntime.StartAsync(Options(database), Registry(TimeSpan.Zero), cancellationToken: cancellationToken);
            var completions = await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                var done = await runtime.Client.WaitForInstanceCompletionAsync($"r-{i}", limit.Token);
                if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
                {
                    throw new InvalidOperationException($"r-{i} ended {done.RuntimeStatus}");
                }

                return restart.Elapsed.TotalMilliseconds;
            }));
            var seconds = restart.Elapsed.TotalSeconds;
            var (p50, p99) = Percentiles.Of(completions);
            return new BenchResult(Name, n, seconds, n / seconds, p50, p99);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The child: starts n instances, says "mid-run" once each has completed a step, then waits to be killed.</summary>
    public static async Task<int> RunChildAsync(string database, int n)
    {
        var runtime = await DurableRuntime.StartAsync(Options(database), Registry(TimeSpan.FromMilliseconds(200)));
        for (var i = 0; i < n; i++)
        {
            await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Slow", Steps, new StartOrchestrationOptions($"r-{i}"));
        }

        for (var i = 0; i < n; i++)
        {
            await runtime.WaitForHistoryAsync($"r-{i}", h => h.OfType<Serverless.Runtime.History.TaskCompleted>().Any());
        }

        Console.WriteLine("mid-run");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    private static async Task RunChildUntilMidRunThenKillAsync(string database, int n, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(RecoveryWorkload).Assembly.Location, ChildCommand, database, n.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
        try
        {
            var line = await child.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
            if (line != "mid-run")
            {
                throw new InvalidOperationException($"child said '{line}'");
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true); // SIGKILL: no lease is given up, no lock file is removed
            await child.WaitForExitAsync(cancellationToken);
        }
    }

    private static DurableRuntimeOptions Options(string database) => new()
    {
        Store = new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = database }),
    };

    // Each step sleeps in the killed child (so instances are mid-run when it dies) and not after the restart.
    private static TaskRegistry Registry(TimeSpan stepTime) => new TaskRegistry()
        .AddActivityFunc<int, int>("Step", async (_, x) =>
        {
            await Task.Delay(stepTime);
            return x + 1;
        })
        .AddOrchestratorFunc<int, int>("Slow", async (ctx, steps) =>
        {
            var x = 0;
            for (var i = 0; i < steps; i++)
            {
                x = await ctx.CallActivityAsync<int>("Step", x);
            }

            return x;
        });
}
