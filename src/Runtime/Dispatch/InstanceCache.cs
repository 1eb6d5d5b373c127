using Serverless.Runtime.Execution;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Dispatch;

/// <summary>
/// Replayed instances kept in memory (least recently used evicted), so the next episode feeds only new
/// events instead of replaying the whole history. Eviction is always safe: the store has everything.
/// </summary>
internal sealed class InstanceCache(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<CachedInstance>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedInstance> _recency = new();

    /// <summary>Takes the cached instance out of the cache (the caller puts it back after committing).</summary>
    public CachedInstance? Take(string instanceId)
    {
        lock (_gate)
        {
            if (!_entries.Remove(instanceId, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            return node.Value;
        }
    }

    /// <summary>True when the instance is cached.</summary>
    public bool Contains(string instanceId)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(instanceId);
        }
    }

    /// <summary>Takes any cached instance out, or null when empty.</summary>
    public CachedInstance? TakeAny()
    {
        lock (_gate)
        {
            if (_recency.Last is not { } last)
            {
                return null;
            }

            _recency.RemoveLast();
            _entries.Remove(last.Value.Record.InstanceId);
            return last.Value;
        }
    }

    /// <summary>Puts an instance back as most recently used; returns the ids evicted to make room.</summary>
    public IReadOnlyList<string> Put(CachedInstance instance)
    {
        if (capacity == 0)
        {
            return [instance.Record.InstanceId];
        }

        lock (_gate)
        {
            if (_entries.Remove(instance.Record.InstanceId, out var old))
            {
                _recency.Remove(old);
            }

            _entries[instance.Record.InstanceId] = _recency.AddFirst(instance);
            var evicted = new List<string>();
            while (_entries.Count > capacity && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Record.InstanceId);
                evicted.Add(last.Value.Record.InstanceId);
            }

            return evicted;
        }
    }

    /// <summary>How many instances are cached.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }
}

/// <summary>An instance this process holds the lease on: its row and, when running, its live executor.</summary>
/// <param name="Record">The stored row as last committed.</param>
/// <param name="Executor">The replayed executor, or null when the instance is not running here.</param>
/// <param name="HistoryIsEmpty">True when the stored history is known to be empty (just created, or reset by ContinueAsNew).</param>
internal sealed record CachedInstance(InstanceRecord Record, OrchestrationExecutor? Executor, bool HistoryIsEmpty = false);
