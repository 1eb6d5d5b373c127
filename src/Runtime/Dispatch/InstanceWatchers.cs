using System.Threading.Channels;
using Microsoft.DurableTask.Client;

namespace Serverless.Runtime.Dispatch;

/// <summary>
/// Wakes clients waiting for an instance to change, without polling. A subscription receives every
/// change from the moment it is taken, with the new status when the notifier knows it (a local commit)
/// or null (the poller, for instances another process may run), so a waiter re-reads the store only
/// when the status it waits for may have been reached.
/// </summary>
internal sealed class InstanceWatchers
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Channel<OrchestrationRuntimeStatus?>>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>Starts receiving the changes of <paramref name="instanceId"/>; dispose to stop.</summary>
    public Subscription Subscribe(string instanceId)
    {
        var channel = Channel.CreateUnbounded<OrchestrationRuntimeStatus?>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(instanceId, out var list))
            {
                list = [];
                _subscribers.Add(instanceId, list);
            }

            list.Add(channel);
        }

        return new Subscription(this, instanceId, channel);
    }

    /// <summary>Ids being watched, for the cross-process check of the poller.</summary>
    public IReadOnlyList<string> WatchedIds()
    {
        lock (_gate)
        {
            return [.. _subscribers.Keys];
        }
    }

    /// <summary>Tells every subscriber of <paramref name="instanceId"/> that it changed; <paramref name="status"/> is null when unknown.</summary>
    public void Notify(string instanceId, OrchestrationRuntimeStatus? status = null)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(instanceId, out var list))
            {
                foreach (var channel in list)
                {
                    channel.Writer.TryWrite(status);
                }
            }
        }
    }

    private void Unsubscribe(string instanceId, Channel<OrchestrationRuntimeStatus?> channel)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(instanceId, out var list) && list.Remove(channel) && list.Count == 0)
            {
                _subscribers.Remove(instanceId);
            }
        }
    }

    /// <summary>The changes of one instance, from subscription until disposal.</summary>
    internal sealed class Subscription(InstanceWatchers owner, string instanceId, Channel<OrchestrationRuntimeStatus?> channel) : IDisposable
    {
        /// <summary>Waits for the next change: its status, or null when unknown.</summary>
        public ValueTask<OrchestrationRuntimeStatus?> NextAsync(CancellationToken cancellationToken) => channel.Reader.ReadAsync(cancellationToken);

        /// <inheritdoc />
        public void Dispose() => owner.Unsubscribe(instanceId, channel);
    }
}
