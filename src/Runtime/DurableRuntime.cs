using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Client;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Telemetry;

namespace Serverless.Runtime;

/// <summary>
/// The embedded durable runtime: one call starts it over a store, and <see cref="Client"/> drives it.
/// <code>await using var runtime = await DurableRuntime.StartAsync(options, registry);</code>
/// </summary>
public sealed class DurableRuntime : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _killed = new();
    private readonly StorePoller _poller;
    private readonly ActivityDispatcher _activities;
    private readonly IAsyncDisposable _ownership;
    private Task _running = Task.CompletedTask;
    private int _stopped;

    private DurableRuntime(DurableRuntimeOptions options, IRuntimeStore store, TaskRegistry registry, IServiceProvider services, IAsyncDisposable ownership)
    {
        _ownership = ownership;
        Options = options;
        Store = store;
        Registry = registry;
        Watchers = new InstanceWatchers();
        Orchestrations = new OrchestrationDispatcher(options, store, registry, services, Watchers, items => _activities!.Enqueue(items));
        _activities = new ActivityDispatcher(options, store, registry, services, Orchestrations.Deliver);
        _poller = new StorePoller(options, store, Orchestrations, _activities, Watchers);
        Client = new RuntimeDurableTaskClient(this);
    }

    /// <summary>The options in force.</summary>
    public DurableRuntimeOptions Options { get; }

    /// <summary>The store.</summary>
    public IRuntimeStore Store { get; }

    /// <summary>The registered orchestrators and activities.</summary>
    public TaskRegistry Registry { get; }

    /// <summary>The client for this runtime's task hub.</summary>
    public DurableTaskClient Client { get; }

    internal OrchestrationDispatcher Orchestrations { get; }

    internal InstanceWatchers Watchers { get; }

    internal ActivityDispatcher Activities => _activities;

    /// <summary>Opens the store (SQLite by default), recovers pending work and starts the workers.</summary>
    public static async Task<DurableRuntime> StartAsync(
        DurableRuntimeOptions options, TaskRegistry registry, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        options.Validate();
        var store = options.Store ?? DefaultStore.Create(options);
        await store.InitializeAsync(cancellationToken);

        // Registered before the first poll, which takes over the leases of any earlier owner that is gone.
        var ownership = await store.RegisterOwnerAsync(options.WorkerId, cancellationToken);
        var runtime = new DurableRuntime(options, store, registry, services ?? new ServiceCollection().BuildServiceProvider(), ownership);
        runtime.Start();
        return runtime;
    }

    /// <summary>Stops taking work, lets episodes and activities in flight finish, gives up leases and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _running;
        await Orchestrations.ReleaseAllAsync();
        await CloseAsync();
    }

    /// <summary>
    /// Stops at once as a crash would: work in flight is dropped without committing and no lease is given
    /// up; only the owner registration ends, as the operating system ends it for a killed process, so another
    /// runtime on the same store proves this one gone and retakes its work at once.
    /// </summary>
    public async Task AbandonAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _killed.CancelAsync();
        await _stopping.CancelAsync();
        await _running;
        await CloseAsync();
    }

    /// <summary>
    /// The instance's current-execution history in the runtime's own records (for tests, tools and replay);
    /// <see cref="DurableTaskClient.GetOrchestrationHistoryAsync"/> shows the same events as DurableTask.Core types.
    /// </summary>
    public Task<IReadOnlyList<History.HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return Store.GetHistoryAsync(instanceId, cancellationToken);
    }

    /// <summary>
    /// Waits until the instance's history satisfies <paramref name="condition"/>, re-checking after each of
    /// its commits (no polling): for tests and tools that must wait for "the orchestration now waits on a timer".
    /// </summary>
    public async Task<IReadOnlyList<History.HistoryEvent>> WaitForHistoryAsync(
        string instanceId, Func<IReadOnlyList<History.HistoryEvent>, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(condition);
        using var changes = Watchers.Subscribe(instanceId);
        while (true)
        {
            var history = await Store.GetHistoryAsync(instanceId, cancellationToken);
            if (condition(history))
            {
                return history;
            }

            await changes.NextAsync(cancellationToken);
        }
    }

    private void Start()
    {
        RuntimeMetrics.Track(this);
        _running = Task.WhenAll(
            Orchestrations.RunWorkersAsync(_stopping.Token, _killed.Token),
            _activities.RunWorkersAsync(_stopping.Token, _killed.Token),
            Task.Run(() => _poller.RunAsync(_stopping.Token), CancellationToken.None));
    }

    private async Task CloseAsync()
    {
        await _ownership.DisposeAsync();
        RuntimeMetrics.Untrack(this);
        Orchestrations.Timers.Dispose();
        await Store.DisposeAsync();

        _stopping.Dispose();
        _killed.Dispose();
    }
}
