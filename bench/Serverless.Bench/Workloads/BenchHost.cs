using Microsoft.DurableTask.Client;
using Serverless.Runtime;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Bench.Workloads;

/// <summary>A runtime on a SQLite file in a fresh temp folder (durable settings: WAL, synchronous=NORMAL).</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly string _folder;

    private BenchHost(string folder, DurableRuntime runtime)
    {
        _folder = folder;
        Runtime = runtime;
    }

    public DurableRuntime Runtime { get; }

    public DurableTaskClient Client => Runtime.Client;

    public static async Task<BenchHost> StartAsync(TaskRegistry registry, int cacheSize = 10_000)
    {
        var folder = Path.Combine(Path.GetTempPath(), "serverless-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var synchronous = Environment.GetEnvironmentVariable("BENCH_SQLITE_SYNC") == "FULL" ? SqliteSynchronous.Full : SqliteSynchronous.Normal;
        var runtime = await DurableRuntime.StartAsync(
            new DurableRuntimeOptions
            {
                Store = Environment.GetEnvironmentVariable("BENCH_STORE") == "memory"
                    ? new Serverless.Runtime.Storage.Memory.InMemoryRuntimeStore()
                    : new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "bench.db"), Synchronous = synchronous }),
                InstanceCacheSize = cacheSize,
                Limits = new RuntimeLimits { MaxHistoryEvents = 1_000_000, MaxActionsPerEpisode = 1_000_000 },
            },
            registry);
        return new BenchHost(folder, runtime);
    }

    /// <summary>A registry with the no-op activity every workload uses.</summary>
    public static TaskRegistry NoopRegistry() => new TaskRegistry().AddActivityFunc<int, int>("Noop", (_, x) => BenchOrchestrators.Noop(x));

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    public Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId) => Runtime.GetHistoryAsync(instanceId);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; best effort.
        }
    }
}
