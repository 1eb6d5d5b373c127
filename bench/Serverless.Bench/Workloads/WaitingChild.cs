using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Runtime;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Bench.Workloads;

/// <summary>
/// The two child processes of <see cref="WaitingWorkload"/>, each on the runtime's default settings (cache size,
/// leases, poll interval) over the given SQLite file. Each prints one line starting with <see cref="ResultPrefix"/>.
/// </summary>
internal static class WaitingChild
{
    /// <summary><c>waiting-create &lt;database&gt; &lt;n&gt;</c>: creates n waiting instances, then stops gracefully.</summary>
    public const string CreateCommand = "waiting-create";

    /// <summary><c>waiting-serve &lt;database&gt; &lt;n&gt;</c>: starts on the file and raises events into random instances.</summary>
    public const string ServeCommand = "waiting-serve";

    /// <summary>Marks the line the parent parses.</summary>
    public const string ResultPrefix = "result ";

    private const string Orchestrator = "Approval";
    private const string EventName = "approval";
    private const int MaxRaises = 1_000;
    private const int CreateConcurrency = 64;

    /// <summary>Creates n instances <c>w-0</c>… and waits until every one has run its first episode (is waiting).</summary>
    public static async Task<int> CreateAsync(string database, int n)
    {
        var runtime = await DurableRuntime.StartAsync(Options(database), Registry());
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, n),
            new ParallelOptions { MaxDegreeOfParallelism = CreateConcurrency },
            async (i, ct) => await runtime.Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, 7, new StartOrchestrationOptions(Id(i)), ct));
        while (await AnyPendingAsync(runtime.Client))
        {
            await Task.Delay(50);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var (rss, heap) = Memory();
        var timers = runtime.Orchestrations.Timers.Count;
        var cached = runtime.Orchestrations.CachedCount;
        var cpu = Environment.CpuUsage.TotalTime.TotalSeconds;
        await runtime.DisposeAsync();
        Console.WriteLine(ResultPrefix + string.Create(
            CultureInfo.InvariantCulture,
            $"seconds={seconds:0.000} per_second={n / seconds:0.0} rss_mib={rss:0.0} heap_mib={heap:0.0} timers={timers} cached={cached} cpu_s={cpu:0.00}"));
        return 0;
    }

    /// <summary>Starts on the file, raises one event (ready), then raises into up to 1,000 distinct random instances one at a time.</summary>
    public static async Task<int> ServeAsync(string database, int n)
    {
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var random = new Random(17);
        var ids = new HashSet<int>();
        var k = Math.Min(MaxRaises, n - 1);
        while (ids.Count < k + 1)
        {
            ids.Add(random.Next(n));
        }

        var order = ids.ToList();
        var clock = Stopwatch.StartNew();
        await using var runtime = await DurableRuntime.StartAsync(Options(database), Registry());
        var startMs = clock.Elapsed.TotalMilliseconds;
        var first = Stopwatch.StartNew();
        await RaiseAndWaitAsync(runtime.Client, Id(order[0]));
        var firstMs = first.Elapsed.TotalMilliseconds;
        var ready = (DateTime.UtcNow - processStart).TotalSeconds;
        var readyCpu = Environment.CpuUsage.TotalTime.TotalSeconds;
        var (rssReady, heapReady) = Memory();
        var timersReady = runtime.Orchestrations.Timers.Count;

        var calls = new List<double>(k);
        var completions = new List<double>(k);
        var loop = Stopwatch.StartNew();
        foreach (var i in order.Skip(1))
        {
            var raise = Stopwatch.StartNew();
            await RaiseAndWaitAsync(runtime.Client, Id(i), calls);
            completions.Add(raise.Elapsed.TotalMilliseconds);
        }

        var perSecond = k / loop.Elapsed.TotalSeconds;

        // Idle with n waiting: two windows of ten polls each (one full re-read of the timer horizon per window); the
        // first still carries the JIT's background recompilation of what the raises made hot, the second is steady.
        var settling = await IdleCpuMsPerSecondAsync();
        var idleCpuMsPerSecond = await IdleCpuMsPerSecondAsync();
        var (rssAfter, heapAfter) = Memory();
        var (callP50, callP99) = Percentiles.Of(calls);
        var (doneP50, doneP99) = Percentiles.Of(completions);
        Console.WriteLine(ResultPrefix + string.Create(
            CultureInfo.InvariantCulture,
            $"ready_s={ready:0.000} start_ms={startMs:0.0} first_ms={firstMs:0.0} ready_cpu_s={readyCpu:0.00} rss_ready_mib={rssReady:0.0} heap_ready_mib={heapReady:0.0} timers_ready={timersReady} k={k} call_p50={callP50:0.000} call_p99={callP99:0.000} done_p50={doneP50:0.000} done_p99={doneP99:0.000} per_second={perSecond:0.0} rss_after_mib={rssAfter:0.0} heap_after_mib={heapAfter:0.0} cached={runtime.Orchestrations.CachedCount} timers_after={runtime.Orchestrations.Timers.Count} idle_settling_cpu_ms_per_s={settling:0.0} idle_cpu_ms_per_s={idleCpuMsPerSecond:0.0}"));
        return 0;
    }

    private static async Task<double> IdleCpuMsPerSecondAsync()
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10));
        return (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / clock.Elapsed.TotalSeconds;
    }

    private static async Task RaiseAndWaitAsync(DurableTaskClient client, string instanceId, List<double>? calls = null)
    {
        var call = Stopwatch.StartNew();
        await client.RaiseEventAsync(instanceId, EventName, true);
        calls?.Add(call.Elapsed.TotalMilliseconds);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<string>() != "approved")
        {
            throw new InvalidOperationException($"{instanceId} ended {done.RuntimeStatus} with {done.SerializedOutput}");
        }
    }

    private static async Task<bool> AnyPendingAsync(DurableTaskClient client)
    {
        var query = new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Pending], PageSize: 1);
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(pageSizeHint: 1))
        {
            return page.Values.Count > 0;
        }

        return false;
    }

    private static (double RssMib, double HeapMib) Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64 / 1048576.0, heap / 1048576.0);
    }

    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"w-{i}");

    private static DurableRuntimeOptions Options(string database) => new()
    {
        Store = new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = database }),
    };

    // An approval: the event wins unless the deadline, days away, passes first.
    private static TaskRegistry Registry() => new TaskRegistry()
        .AddOrchestratorFunc<int, string>(Orchestrator, async (ctx, days) =>
        {
            using var cancel = new CancellationTokenSource();
            var approval = ctx.WaitForExternalEvent<bool>(EventName, cancel.Token);
            var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(days), cancel.Token);
            var winner = await Task.WhenAny(approval, deadline);
            cancel.Cancel(); // synchronously, on the orchestrator's thread (CancelAsync would continue on the thread pool)
            return winner == approval ? (approval.Result ? "approved" : "rejected") : "expired";
        });
}
