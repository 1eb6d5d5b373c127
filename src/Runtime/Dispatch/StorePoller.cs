using Microsoft.Extensions.Logging;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Dispatch;

/// <summary>
/// The recovery path: renews this process's leases, frees those of workers that are gone, and reads the store
/// for work that did not arrive in memory (left by a crashed process, sent by another one, or waiting since
/// before a restart).
/// </summary>
internal sealed partial class StorePoller(
    DurableRuntimeOptions options, IRuntimeStore store, OrchestrationDispatcher orchestrations, ActivityDispatcher activities, InstanceWatchers watchers)
{
    private const int TimerRefreshEvery = 10;
    private const int MaxTimersPerPoll = 100_000;
    private readonly ILogger _logger = options.LoggerFactory.CreateLogger("Serverless.Runtime.Poller");
    private int _polls;
    private DateTimeOffset _timersLoadedUntil = DateTimeOffset.MinValue;

    /// <summary>Polls once at once, then every <see cref="DurableRuntimeOptions.PollInterval"/> until stopped.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        // The poll cadence is infrastructure on the real clock; leases and due times use the runtime's clock.
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                await PollOnceAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PollFailed(_logger, ex);
            }
        }
        while (await WaitAsync(timer, stopping));
    }

    /// <summary>One pass over the store.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var now = options.TimeProvider.GetUtcNow();
        var leaseUntil = now + options.LeaseDuration;
        await store.RenewLeasesAsync(options.WorkerId, leaseUntil, now + RenewWithin(options), cancellationToken);

        // A worker that died (this process before a restart, or another one) left leases nobody renews; free them
        // now rather than when they expire, so the scans below pick its work up in this same pass.
        foreach (var owner in await store.ReclaimDeadOwnersAsync(cancellationToken))
        {
            Log.TookOverLeases(_logger, owner);
        }

        foreach (var instanceId in await store.FindReadyInstancesAsync(options.WorkerId, now, 1_000, cancellationToken))
        {
            orchestrations.SignalFromStore(instanceId);
        }

        var room = (options.MaxConcurrentActivityFunctions * 2) - activities.Backlog;
        if (room > 0)
        {
            var leased = await store.LeaseActivitiesAsync(options.WorkerId, now, leaseUntil, room, cancellationToken);
            if (leased.Count > 0)
            {
                activities.Enqueue(leased);
            }
        }

        await LoadNearTimersAsync(now, cancellationToken);

        // Clients waiting on an instance that this process does not run (another process may) re-read its
        // status; instances run here wake their waiters on every commit.
        foreach (var instanceId in watchers.WatchedIds())
        {
            if (!orchestrations.IsRunningHere(instanceId))
            {
                watchers.Notify(instanceId);
            }
        }
    }

    /// <summary>
    /// A lease is rewritten once less than half of it is left (and always when less than two poll intervals are):
    /// with 30 s leases and 1 s polls each held instance's row is written every ~15 s rather than every second, so
    /// an idle process holding a full cache does not rewrite thousands of rows a second.
    /// </summary>
    internal static TimeSpan RenewWithin(DurableRuntimeOptions options) =>
        TimeSpan.FromTicks(Math.Max(options.LeaseDuration.Ticks / 2, options.PollInterval.Ticks * 2));

    /// <summary>
    /// Hands the timer wheel the stored due times that came within its horizon since the last poll (this process
    /// hands over its own near timers as it stores them). Every few polls the whole horizon is re-read, for timers
    /// another process stored. Timers further out stay in the store: memory does not grow with waiting instances.
    /// </summary>
    private async Task LoadNearTimersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + orchestrations.Timers.Horizon;
        var from = _polls++ % TimerRefreshEvery == 0 || _timersLoadedUntil < now ? now : _timersLoadedUntil;
        _timersLoadedUntil = until;
        foreach (var (instanceId, dueAt) in await store.GetFutureMessagesAsync(from, until, MaxTimersPerPoll, cancellationToken))
        {
            orchestrations.Timers.Schedule(instanceId, dueAt);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Polling the store failed; retrying at the next interval.")]
        public static partial void PollFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Took over the leases of worker {Owner}: its process is gone.")]
        public static partial void TookOverLeases(ILogger logger, string owner);
    }
}
