using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.History;

namespace Serverless.Runtime.Storage.Memory;

/// <summary>
/// The in-memory store: the same contract as SQLite, for fast tests. One lock makes every operation
/// atomic. Nothing survives the process.
/// </summary>
public sealed partial class InMemoryRuntimeStore : IRuntimeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InstanceState> _instances = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, InstanceMessage> _messages = [];
    private readonly SortedDictionary<long, ActivityState> _activities = [];
    private long _nextMessageId;
    private long _nextActivityId;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<InstanceMessage> CreateInstanceAsync(
        InstanceRecord instance,
        InstanceMessage startMessage,
        string? owner,
        DateTimeOffset leaseUntil,
        IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupeStatuses,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_instances.TryGetValue(instance.InstanceId, out var existing))
            {
                if (!existing.Record.Status.IsTerminal() || dedupeStatuses?.Contains(existing.Record.Status) == true)
                {
                    throw new OrchestrationAlreadyExistsException(instance.InstanceId, existing.Record.Status);
                }

                RemoveInstance(instance.InstanceId);
            }

            _instances[instance.InstanceId] = new InstanceState(instance) { LockOwner = owner, LockedUntil = leaseUntil };
            return Task.FromResult(AddMessage(startMessage));
        }
    }

    /// <inheritdoc />
    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.TryGetValue(instanceId, out var state) ? state.Record : null);
        }
    }

    /// <inheritdoc />
    public Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var after = InstancePageToken.Parse(continuationToken);
        lock (_gate)
        {
            var matching = _instances.Values.Select(s => s.Record)
                .Where(filter.Matches)
                .Where(r => after is null || InstancePageToken.IsAfter(r, after.Value))
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.InstanceId, StringComparer.Ordinal)
                .Take(pageSize + 1)
                .ToList();
            var hasMore = matching.Count > pageSize;
            var page = matching.Take(pageSize).ToList();
            var token = hasMore ? InstancePageToken.Format(page[^1]) : null;
            return Task.FromResult(new InstancePage(page, token));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<HistoryEvent> history = _instances.TryGetValue(instanceId, out var state) ? [.. state.History] : [];
            return Task.FromResult(history);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InstanceMessage>> GetVisibleMessagesAsync(string instanceId, DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<InstanceMessage> visible = _messages.Values
                .Where(m => m.InstanceId == instanceId && m.VisibleAt <= now)
                .Take(maxCount)
                .ToList();
            return Task.FromResult(visible);
        }
    }

    /// <inheritdoc />
    public Task<InstanceMessage> EnqueueMessageAsync(InstanceMessage message, bool requireActive, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(message.InstanceId, out var state))
            {
                throw new OrchestrationNotFoundException(message.InstanceId);
            }

            if (requireActive && state.Record.Status.IsTerminal())
            {
                throw new OrchestrationStateException(
                    message.InstanceId, state.Record.Status, $"Instance '{message.InstanceId}' is {state.Record.Status} and accepts no more events.");
            }

            return Task.FromResult(AddMessage(message));
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private InstanceMessage AddMessage(InstanceMessage message)
    {
        var stored = message with { Id = ++_nextMessageId };
        _messages.Add(stored.Id, stored);
        return stored;
    }

    private void RemoveInstance(string instanceId)
    {
        _instances.Remove(instanceId);
        foreach (var id in _messages.Values.Where(m => m.InstanceId == instanceId).Select(m => m.Id).ToList())
        {
            _messages.Remove(id);
        }

        foreach (var id in _activities.Values.Where(a => a.Item.InstanceId == instanceId).Select(a => a.Item.Id).ToList())
        {
            _activities.Remove(id);
        }
    }

    private sealed class InstanceState(InstanceRecord record)
    {
        public InstanceRecord Record { get; set; } = record;

        public List<HistoryEvent> History { get; } = [];

        public string? LockOwner { get; set; }

        public DateTimeOffset LockedUntil { get; set; }

        public bool IsLockAvailableTo(string owner, DateTimeOffset now) =>
            LockOwner is null || LockOwner == owner || LockedUntil <= now;
    }

    private sealed class ActivityState(ActivityWorkItem item, string? owner)
    {
        public ActivityWorkItem Item { get; set; } = item;

        public string? Owner { get; set; } = owner;
    }
}
