using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serverless.Activities;
using Serverless.Runtime;
using Serverless.Runtime.Registration;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Orchestrations.Tests.Infrastructure;

/// <summary>
/// The real embedded runtime with every catalog orchestrator and activity, over SQLite files in a temp folder
/// (runtime store and table store), wired the way a host wires them.
/// </summary>
internal sealed class CodeFirstRuntime : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;

    private CodeFirstRuntime(DurableRuntime runtime, ServiceProvider services)
    {
        Runtime = runtime;
        _services = services;
    }

    public DurableRuntime Runtime { get; }

    public DurableTaskClient Client => Runtime.Client;

    public IServiceProvider Services => _services;

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    /// <param name="folder">Where the SQLite files live; a second start on the same folder sees everything the first stored.</param>
    /// <param name="clock">The clock for the runtime and the activities; the system clock when null.</param>
    /// <param name="extra">Registers test activities (and replacements for catalog activities left out by <paramref name="except"/>).</param>
    /// <param name="activityWorkers">Activity workers.</param>
    /// <param name="except">Catalog activities not to register.</param>
    public static async Task<CodeFirstRuntime> StartAsync(
        TempFolder folder, TimeProvider? clock = null, Action<TaskRegistry>? extra = null, int activityWorkers = 4, IReadOnlySet<string>? except = null)
    {
        Directory.CreateDirectory(folder.Path);
        var time = clock ?? TimeProvider.System;
        var services = new ServiceCollection();
        services.AddSingleton<ITableStore>(new SqliteTableStore(folder.File("tables.db"), time));
        services.AddSingleton<TimeProvider>(time);
        services.AddServerlessActivities();
        var provider = services.BuildServiceProvider();

        var registry = new TaskRegistry();
        foreach (var orchestrator in OrchestratorCatalog.All)
        {
            registry.AddOrchestrator(orchestrator.Name, orchestrator.OrchestratorType);
        }

        foreach (var activity in ActivityCatalog.All.Where(a => except?.Contains(a.Name) != true))
        {
            registry.AddActivity(activity.Name, activity.Create);
        }

        extra?.Invoke(registry);
        var runtime = await DurableRuntime.StartAsync(
            new DurableRuntimeOptions
            {
                DataDirectory = folder.Path,
                TimeProvider = time,
                MaxConcurrentActivityFunctions = activityWorkers,
                MaxConcurrentOrchestratorFunctions = 4,
                LeaseDuration = TimeSpan.FromSeconds(5),
                PollInterval = TimeSpan.FromMilliseconds(100),
            },
            registry,
            provider);
        return new CodeFirstRuntime(runtime, provider);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object input, string instanceId)
    {
        await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
        return await CompleteAsync(instanceId);
    }

    public async Task<OrchestrationMetadata> CompleteAsync(string instanceId)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    /// <summary>Waits until the history satisfies <paramref name="condition"/>; woken by each commit, never by a sleep.</summary>
    public async Task<IReadOnlyList<Serverless.Runtime.History.HistoryEvent>> WaitForHistoryAsync(string instanceId, Func<IReadOnlyList<Serverless.Runtime.History.HistoryEvent>, bool> condition)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        return await Runtime.WaitForHistoryAsync(instanceId, condition, limit.Token);
    }

    /// <summary>Stops as a crash would: work in flight is dropped and leases are kept until they expire.</summary>
    public async Task AbandonAsync()
    {
        await Runtime.AbandonAsync();
        await _services.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _services.DisposeAsync();
    }
}
