using System.Threading.Channels;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Runtime.Execution;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Telemetry;

namespace Serverless.Runtime.Dispatch;

/// <summary>
/// Runs leased activity work items on a fixed number of workers. Each result is committed together with
/// the removal of its work item; a crash before that commit means the activity runs again elsewhere
/// (at-least-once), and a second completion of the same item is discarded.
/// </summary>
internal sealed partial class ActivityDispatcher
{
    private readonly Channel<(ActivityWorkItem Item, DateTimeOffset QueuedAt)> _queue =
        Channel.CreateUnbounded<(ActivityWorkItem Item, DateTimeOffset QueuedAt)>();
    private readonly DurableRuntimeOptions _options;
    private readonly IRuntimeStore _store;
    private readonly TaskRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly Action<InstanceMessage> _deliver;
    private readonly ILogger _logger;
    private int _queued;

    public ActivityDispatcher(DurableRuntimeOptions options, IRuntimeStore store, TaskRegistry registry, IServiceProvider services, Action<InstanceMessage> deliver)
    {
        _options = options;
        _store = store;
        _registry = registry;
        _services = services;
        _deliver = deliver;
        _logger = options.LoggerFactory.CreateLogger("Serverless.Runtime.Activities");
    }

    /// <summary>Work items queued or running in this process.</summary>
    public int Backlog => Volatile.Read(ref _queued);

    /// <summary>How long the oldest work item not yet picked up by a worker has waited (zero when none waits).</summary>
    public TimeSpan OldestWaitingAge =>
        _queue.Reader.TryPeek(out var head) ? TimeSpanOrZero(_options.TimeProvider.GetUtcNow() - head.QueuedAt) : TimeSpan.Zero;

    /// <summary>Queues leased work items.</summary>
    public void Enqueue(IReadOnlyList<ActivityWorkItem> items)
    {
        Interlocked.Add(ref _queued, items.Count);
        var now = _options.TimeProvider.GetUtcNow();
        foreach (var item in items)
        {
            _queue.Writer.TryWrite((item, now));
        }
    }

    private static TimeSpan TimeSpanOrZero(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    /// <summary>Runs workers until <paramref name="stopping"/> is cancelled; <paramref name="killed"/> also drops results in flight.</summary>
    public Task RunWorkersAsync(CancellationToken stopping, CancellationToken killed) =>
        Task.WhenAll(Enumerable.Range(0, _options.MaxConcurrentActivityFunctions)
            .Select(_ => Task.Run(() => WorkerLoopAsync(stopping, killed), CancellationToken.None)));

    private async Task WorkerLoopAsync(CancellationToken stopping, CancellationToken killed)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping))
            {
                while (_queue.Reader.TryRead(out var queued))
                {
                    var item = queued.Item;
                    try
                    {
                        // A kill does not wait for user code: like a crash, the activity's result is simply never stored.
                        var result = await RunAsync(item).WaitAsync(killed);
                        var stored = await _store.CompleteActivityAsync(item.Id, result, killed);
                        if (stored is not null)
                        {
                            _deliver(stored);
                        }
                    }
                    catch (OperationCanceledException) when (killed.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        // The store refused the result; the lease expires and the activity runs again.
                        Log.CompletionFailed(_logger, item.Name, item.InstanceId, ex);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _queued);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<InstanceMessage> RunAsync(ActivityWorkItem item)
    {
        HistoryEvent outcome;
        using var span = RuntimeTracing.StartActivityExecution(item);
        try
        {
            await using var scope = _services.CreateAsyncScope();
            var activity = _registry.CreateActivity(item.Name, scope.ServiceProvider)
                ?? throw new InvalidOperationException($"No activity named '{item.Name}' is registered.");
            var input = _options.DataConverter.Deserialize(item.Input, activity.InputType);
            var output = await activity.RunAsync(new RuntimeActivityContext(item.Name, item.InstanceId), input);
            var serialized = _options.DataConverter.Serialize(output);
            _options.Limits.CheckPayload(serialized, $"The result of activity '{item.Name}'");
            outcome = new TaskCompleted(Now, item.TaskId, serialized);
        }
        catch (Exception ex)
        {
            Log.ActivityFailed(_logger, item.Name, item.InstanceId, ex.Message);
            RuntimeTracing.RecordError(span, ex);
            outcome = new TaskFailed(Now, item.TaskId, FailureDetails.From(ex));
        }

        return new InstanceMessage(0, item.InstanceId, item.ExecutionId, outcome, _options.TimeProvider.GetUtcNow());
    }

    private DateTime Now => _options.TimeProvider.GetUtcNow().UtcDateTime;

    private sealed class RuntimeActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Activity {Name} of {InstanceId} failed: {Reason}")]
        public static partial void ActivityFailed(ILogger logger, string name, string instanceId, string reason);

        [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "Result of activity {Name} of {InstanceId} could not be stored; it will run again.")]
        public static partial void CompletionFailed(ILogger logger, string name, string instanceId, Exception exception);
    }
}
