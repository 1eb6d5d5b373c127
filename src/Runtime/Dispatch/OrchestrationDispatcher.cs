using Microsoft.Extensions.Logging;
using Serverless.Runtime.History;
using Serverless.Runtime.Execution;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Dispatch;

/// <summary>
/// Runs orchestration episodes: for a ready instance it takes the lease (unless cached), reads the
/// visible inbox, replays or reuses the executor, runs the episode and commits it in one transaction;
/// then it hands the new work to the activity workers, the timer wheel and other instances in memory.
/// </summary>
internal sealed partial class OrchestrationDispatcher
{
    private const int MaxMessagesPerEpisode = 10_000;

    // The timer wheel holds due times up to ten poll intervals ahead: a poll late by several intervals still hands
    // a timer to the wheel before it is due, and memory holds only the timers about to fire.
    private const int TimerHorizonPolls = 10;

    private readonly DurableRuntimeOptions _options;
    private readonly IRuntimeStore _store;
    private readonly TaskRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly InstanceCache _cache;
    private readonly InstanceWatchers _watchers;
    private readonly MemoryInbox _inbox = new();
    private readonly ILogger _logger;

    public OrchestrationDispatcher(
        DurableRuntimeOptions options, IRuntimeStore store, TaskRegistry registry, IServiceProvider services,
        InstanceWatchers watchers, Action<IReadOnlyList<ActivityWorkItem>> scheduleActivities)
    {
        _options = options;
        _store = store;
        _registry = registry;
        _services = services;
        _watchers = watchers;
        _cache = new InstanceCache(options.InstanceCacheSize);
        _logger = options.LoggerFactory.CreateLogger("Serverless.Runtime.Orchestrations");
        ScheduleActivities = scheduleActivities;
        Ready = new ReadyQueue();
        Timers = new TimerWheel(options.TimeProvider, options.PollInterval * TimerHorizonPolls, Ready.Signal);
    }

    /// <summary>Instances waiting for an episode.</summary>
    public ReadyQueue Ready { get; }

    /// <summary>Due times of durable timers.</summary>
    public TimerWheel Timers { get; }

    /// <summary>How many instances are cached in memory.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>How many instances memory knows inbox messages of (at most the cached ones and those about to run).</summary>
    public int InboxCount => _inbox.Count;

    /// <summary>True when this process holds the instance in memory (its commits wake waiters directly).</summary>
    public bool IsRunningHere(string instanceId) => _cache.Contains(instanceId);

    private Action<IReadOnlyList<ActivityWorkItem>> ScheduleActivities { get; }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <summary>Runs workers until <paramref name="stopping"/> is cancelled; <paramref name="killed"/> also aborts episodes in flight.</summary>
    public Task RunWorkersAsync(CancellationToken stopping, CancellationToken killed) =>
        Task.WhenAll(Enumerable.Range(0, _options.MaxConcurrentOrchestratorFunctions)
            .Select(_ => Task.Run(() => WorkerLoopAsync(stopping, killed), CancellationToken.None)));

    /// <summary>Gives up the leases of every cached instance (graceful stop), so another process can take them at once.</summary>
    public async Task ReleaseAllAsync()
    {
        while (_cache.TakeAny() is { } cached)
        {
            await _store.ReleaseInstanceAsync(cached.Record.InstanceId, _options.WorkerId, CancellationToken.None);
        }
    }

    private async Task WorkerLoopAsync(CancellationToken stopping, CancellationToken killed)
    {
        try
        {
            while (await Ready.Reader.WaitToReadAsync(stopping))
            {
                while (Ready.Reader.TryRead(out var instanceId))
                {
                    Ready.BeginRun(instanceId);
                    try
                    {
                        await RunEpisodeAsync(instanceId, killed);
                    }
                    catch (OperationCanceledException) when (killed.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        _cache.Take(instanceId);
                        _inbox.Drop(instanceId);
                        Log.EpisodeFailed(_logger, instanceId, ex);
                    }
                    finally
                    {
                        Ready.EndRun(instanceId);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunEpisodeAsync(string instanceId, CancellationToken stopping)
    {
        var now = Now;
        var cached = _cache.Take(instanceId);
        var messages = cached is null ? null : _inbox.Visible(instanceId, now, MaxMessagesPerEpisode);
        if (cached is null)
        {
            if (!await _store.TryAcquireInstanceAsync(instanceId, _options.WorkerId, now, now + _options.LeaseDuration, stopping))
            {
                _inbox.Drop(instanceId);
                return;
            }

            var record = await _store.GetInstanceAsync(instanceId, stopping);
            if (record is null)
            {
                _inbox.Drop(instanceId);
                return;
            }

            cached = new CachedInstance(record, null);
        }

        messages ??= await ReadInboxAsync(instanceId, now, stopping);
        if (messages.Count == 0)
        {
            PutBack(cached);
            return;
        }

        var commit = await BuildCommitAsync(cached, messages, now, stopping);
        if (commit is null)
        {
            PutBack(cached);
            return;
        }

        CommitResult result;
        try
        {
            result = await _store.CommitOrchestrationAsync(commit.Commit, stopping);
        }
        catch (LeaseLostException ex)
        {
            // Another process took the instance, or it was re-created: start over from the store.
            Log.LeaseLost(_logger, instanceId, ex.Message);
            _inbox.Drop(instanceId);
            Ready.Signal(instanceId);
            return;
        }

        _inbox.Consumed(instanceId, commit.Commit.ConsumedMessageIds);
        AfterCommit(commit, result, now);
    }

    /// <summary>
    /// Hands a stored message to its instance: into memory, and a signal now or, for a timer, when it comes due
    /// (the timer wheel takes it when it is near; the poller hands it over later otherwise).
    /// </summary>
    public void Deliver(InstanceMessage message)
    {
        if (message.VisibleAt <= Now)
        {
            _inbox.Add(message);
            Ready.Signal(message.InstanceId);
            return;
        }

        // A timer of an instance not cached here (evicted at once, or never run here) stays in the store only: the
        // instance's next episode reads its inbox there, so memory holds nothing per idle instance.
        if (_cache.Contains(message.InstanceId))
        {
            _inbox.Add(message);
        }

        Timers.Schedule(message.InstanceId, message.VisibleAt);
    }

    /// <summary>Signals an instance whose inbox the store may know better than memory (recovery, other processes).</summary>
    public void SignalFromStore(string instanceId)
    {
        _inbox.MarkUnknown(instanceId);
        Ready.Signal(instanceId);
    }

    private async Task<IReadOnlyList<InstanceMessage>> ReadInboxAsync(string instanceId, DateTimeOffset now, CancellationToken stopping)
    {
        // The whole inbox, future timers included, so memory can answer the next episodes on its own.
        var stored = await _store.GetVisibleMessagesAsync(instanceId, DateTimeOffset.MaxValue, MaxMessagesPerEpisode, stopping);
        _inbox.Merge(instanceId, stored, complete: stored.Count < MaxMessagesPerEpisode);
        return stored.Where(m => m.VisibleAt <= now).ToList();
    }

    private void PutBack(CachedInstance cached)
    {
        foreach (var evicted in _cache.Put(cached))
        {
            // Its next episode reads the store, so what memory knows of its inbox (a timer days away) goes too.
            _inbox.Drop(evicted);
            _ = _store.ReleaseInstanceAsync(evicted, _options.WorkerId, CancellationToken.None);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Episode of instance {InstanceId} failed; it will be retried from the store.")]
        public static partial void EpisodeFailed(ILogger logger, string instanceId, Exception exception);

        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Lease on instance {InstanceId} lost: {Reason}")]
        public static partial void LeaseLost(ILogger logger, string instanceId, string reason);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Instance {InstanceId} failed: {Reason}")]
        public static partial void InstanceFailed(ILogger logger, string instanceId, string reason);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Sub-orchestration {ChildId} of {InstanceId} not started: an active instance has that id.")]
        public static partial void ChildRejected(ILogger logger, string instanceId, string childId);
    }
}
