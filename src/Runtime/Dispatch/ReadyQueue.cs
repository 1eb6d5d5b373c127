using System.Threading.Channels;

namespace Serverless.Runtime.Dispatch;

/// <summary>
/// Instances with something to do, each queued at most once and never run by two workers at once:
/// a signal while an instance runs marks it to run again right after.
/// </summary>
internal sealed class ReadyQueue
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SlotState> _slots = new(StringComparer.Ordinal);

    private enum SlotState
    {
        Queued,
        Running,
        RunningAndSignalled,
    }

    /// <summary>The reader side for workers.</summary>
    public ChannelReader<string> Reader => _channel.Reader;

    /// <summary>How many instances are queued or running.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>Asks for an episode of <paramref name="instanceId"/>.</summary>
    public void Signal(string instanceId)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(instanceId, out var state))
            {
                if (state == SlotState.Running)
                {
                    _slots[instanceId] = SlotState.RunningAndSignalled;
                }

                return;
            }

            _slots[instanceId] = SlotState.Queued;
        }

        _channel.Writer.TryWrite(instanceId);
    }

    /// <summary>Marks a dequeued instance as running.</summary>
    public void BeginRun(string instanceId)
    {
        lock (_gate)
        {
            _slots[instanceId] = SlotState.Running;
        }
    }

    /// <summary>Marks the run finished; re-queues the instance when it was signalled meanwhile.</summary>
    public void EndRun(string instanceId)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(instanceId, out var state) && state == SlotState.RunningAndSignalled)
            {
                _slots[instanceId] = SlotState.Queued;
            }
            else
            {
                _slots.Remove(instanceId);
                return;
            }
        }

        _channel.Writer.TryWrite(instanceId);
    }

    /// <summary>Stops accepting work.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
