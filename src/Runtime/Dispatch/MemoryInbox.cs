using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Dispatch;

/// <summary>
/// The inbox messages this process has stored, per instance it runs, so an episode of a cached instance
/// takes its messages from memory instead of reading the store. Every path that stores a message adds it
/// here or marks the instance <em>unknown</em> (the poller found messages another process sent; a lease
/// was lost); an unknown or uncached instance reads the store, which is always the truth. A stale message
/// cannot be processed twice: the commit refuses a consumed message that is already gone.
/// </summary>
internal sealed class MemoryInbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many instances have an entry.</summary>
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

    /// <summary>Records a stored message for its instance.</summary>
    public void Add(InstanceMessage message)
    {
        lock (_gate)
        {
            GetOrAdd(message.InstanceId).Messages[message.Id] = message;
        }
    }

    /// <summary>The store may hold messages for <paramref name="instanceId"/> that memory does not know.</summary>
    public void MarkUnknown(string instanceId)
    {
        lock (_gate)
        {
            GetOrAdd(instanceId).Unknown = true;
        }
    }

    /// <summary>
    /// The known messages visible at <paramref name="now"/>, oldest first, or null when memory cannot answer
    /// (the instance is marked unknown) and the store must be read.
    /// </summary>
    public IReadOnlyList<InstanceMessage>? Visible(string instanceId, DateTimeOffset now, int maxCount)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out var entry))
            {
                return [];
            }

            return entry.Unknown ? null : entry.Messages.Values.Where(m => m.VisibleAt <= now).Take(maxCount).ToList();
        }
    }

    /// <summary>
    /// Adds the store's inbox of the instance (all of it when <paramref name="complete"/>) to what memory knows;
    /// messages added meanwhile are newer and stay.
    /// </summary>
    public void Merge(string instanceId, IReadOnlyList<InstanceMessage> stored, bool complete)
    {
        lock (_gate)
        {
            var entry = GetOrAdd(instanceId);
            foreach (var message in stored)
            {
                entry.Messages[message.Id] = message;
            }

            entry.Unknown = !complete;
        }
    }

    /// <summary>Forgets messages an episode committed as consumed.</summary>
    public void Consumed(string instanceId, IReadOnlyList<long> ids)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(instanceId, out var entry))
            {
                foreach (var id in ids)
                {
                    entry.Messages.Remove(id);
                }

                if (entry.Messages.Count == 0 && !entry.Unknown)
                {
                    _entries.Remove(instanceId);
                }
            }
        }
    }

    /// <summary>Forgets an instance this process does not run.</summary>
    public void Drop(string instanceId)
    {
        lock (_gate)
        {
            _entries.Remove(instanceId);
        }
    }

    private Entry GetOrAdd(string instanceId)
    {
        if (!_entries.TryGetValue(instanceId, out var entry))
        {
            entry = new Entry();
            _entries.Add(instanceId, entry);
        }

        return entry;
    }

    private sealed class Entry
    {
        public SortedList<long, InstanceMessage> Messages { get; } = [];

        public bool Unknown { get; set; }
    }
}
