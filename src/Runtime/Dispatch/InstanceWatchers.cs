namespace Serverless.Runtime.Dispatch;

/// <summary>Wakes clients waiting for an instance's status to change, without polling.</summary>
internal sealed class InstanceWatchers
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<TaskCompletionSource>> _watchers = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next status change of <paramref name="instanceId"/>.</summary>
    public Task NextChange(string instanceId)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_watchers.TryGetValue(instanceId, out var list))
            {
                list = [];
                _watchers.Add(instanceId, list);
            }

            list.Add(completion);
        }

        return completion.Task;
    }

    /// <summary>Ids being watched, for the cross-process check of the poller.</summary>
    public IReadOnlyList<string> WatchedIds()
    {
        lock (_gate)
        {
            return [.. _watchers.Keys];
        }
    }

    /// <summary>Wakes everyone watching <paramref name="instanceId"/>.</summary>
    public void Notify(string instanceId)
    {
        List<TaskCompletionSource>? list;
        lock (_gate)
        {
            if (!_watchers.Remove(instanceId, out list))
            {
                return;
            }
        }

        foreach (var completion in list)
        {
            completion.TrySetResult();
        }
    }
}
