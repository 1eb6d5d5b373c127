using Microsoft.Extensions.Time.Testing;

namespace Serverless.Activities.Tests.Infrastructure;

/// <summary>
/// A fake clock that knows which of its timers are still pending, so a test can advance time exactly to the
/// next timer it means to fire (a retry wait) instead of racing the code under test with blind advances.
/// </summary>
public sealed class WatchedClock(FakeTimeProvider inner) : TimeProvider
{
    private readonly List<WatchedTimer> _timers = [];

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => inner.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(inner.CreateTimer(callback, state, dueTime, period), inner.GetUtcNow() + dueTime, dueTime);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    /// <summary>Advances to the earliest pending timer created with a due time that <paramref name="include"/> accepts.</summary>
    /// <returns>True when a timer was fired.</returns>
    public bool AdvanceToNext(Func<TimeSpan, bool> include)
    {
        var now = inner.GetUtcNow();
        DateTimeOffset? next;
        lock (_timers)
        {
            _timers.RemoveAll(t => t.Disposed || t.DueAt <= now);
            next = _timers.Where(t => include(t.DueTime)).Select(t => (DateTimeOffset?)t.DueAt).Min();
        }

        if (next is not { } dueAt)
        {
            return false;
        }

        inner.Advance(dueAt - now);
        return true;
    }

    private sealed class WatchedTimer(ITimer timer, DateTimeOffset dueAt, TimeSpan dueTime) : ITimer
    {
        public DateTimeOffset DueAt { get; } = dueAt;

        public TimeSpan DueTime { get; } = dueTime;

        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(dueTime, period);

        public void Dispose()
        {
            Disposed = true;
            timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return timer.DisposeAsync();
        }
    }
}
