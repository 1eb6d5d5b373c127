namespace Serverless.Runtime.Dispatch;

/// <summary>
/// Due times of durable timers (and delayed starts) in one priority queue with a single wake-up from the
/// <see cref="TimeProvider"/>: no per-timer polling, and a fake clock drives it in tests. It holds only the due
/// times within <see cref="Horizon"/> of now, so its size follows the timers about to fire, not the instances
/// waiting: a later one stays in the store, and the poller hands it over once it comes within the horizon.
/// </summary>
internal sealed class TimerWheel : IDisposable
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<string, DateTimeOffset> _due = new();
    private readonly HashSet<(string, DateTimeOffset)> _known = [];
    private readonly TimeProvider _time;
    private readonly Action<string> _onDue;
    private readonly ITimer _timer;
    private DateTimeOffset _armedFor = DateTimeOffset.MaxValue;
    private bool _disposed;

    public TimerWheel(TimeProvider time, TimeSpan horizon, Action<string> onDue)
    {
        _time = time;
        Horizon = horizon;
        _onDue = onDue;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How far ahead of now a due time must be for the wheel to hold it.</summary>
    public TimeSpan Horizon { get; }

    /// <summary>How many due times are waiting.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _due.Count;
            }
        }
    }

    /// <summary>
    /// Signals <paramref name="instanceId"/> at <paramref name="dueAt"/> (at once if it is past); returns false, and
    /// holds nothing, when the due time is beyond the <see cref="Horizon"/>.
    /// </summary>
    public bool Schedule(string instanceId, DateTimeOffset dueAt)
    {
        if (dueAt > _time.GetUtcNow() + Horizon)
        {
            return false;
        }

        lock (_gate)
        {
            if (_disposed || !_known.Add((instanceId, dueAt)))
            {
                return true;
            }

            _due.Enqueue(instanceId, dueAt);
            if (dueAt < _armedFor)
            {
                Arm(dueAt);
            }
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _due.Clear();
            _known.Clear();
        }

        _timer.Dispose();
    }

    private void Fire()
    {
        var ready = new List<string>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            while (_due.TryPeek(out var instanceId, out var dueAt) && dueAt <= now)
            {
                _due.Dequeue();
                _known.Remove((instanceId, dueAt));
                ready.Add(instanceId);
            }

            _armedFor = DateTimeOffset.MaxValue;
            if (_due.TryPeek(out _, out var next))
            {
                Arm(next);
            }
        }

        foreach (var instanceId in ready)
        {
            _onDue(instanceId);
        }
    }

    private void Arm(DateTimeOffset dueAt)
    {
        _armedFor = dueAt;
        var delay = dueAt - _time.GetUtcNow();
        _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }
}
