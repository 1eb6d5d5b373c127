using Serverless.Durable;

namespace Serverless.Runtime.Storage.Memory;

/// <content>Leases, episode commits, activities and purge.</content>
public sealed partial class InMemoryRuntimeStore
{
    /// <inheritdoc />
    public Task<bool> TryAcquireInstanceAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var state) || !state.IsLockAvailableTo(owner, now))
            {
                return Task.FromResult(false);
            }

            state.LockOwner = owner;
            state.LockedUntil = leaseUntil;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task ReleaseInstanceAsync(string instanceId, string owner, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_instances.TryGetValue(instanceId, out var state) && state.LockOwner == owner)
            {
                state.LockOwner = null;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CommitResult> CommitOrchestrationAsync(OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        var instanceId = commit.Instance.InstanceId;
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var state) || state.LockOwner != commit.Owner)
            {
                throw new LeaseLostException(instanceId, "another process holds it or it was purged");
            }

            if (commit.ConsumedMessageIds.Any(id => !_messages.TryGetValue(id, out var m) || m.InstanceId != instanceId))
            {
                throw new LeaseLostException(instanceId, "a consumed message was already processed");
            }

            foreach (var id in commit.ConsumedMessageIds)
            {
                _messages.Remove(id);
            }

            if (commit.ResetHistory)
            {
                state.History.Clear();
            }

            state.History.AddRange(commit.NewHistory);
            state.Record = commit.Instance;
            state.LockedUntil = commit.LeaseUntil;

            var activities = commit.NewActivities.Select(a => AddActivity(commit, a)).ToList();
            var rejected = new List<NewInstance>();
            foreach (var child in commit.NewInstances)
            {
                if (_instances.TryGetValue(child.Instance.InstanceId, out var existing) && !existing.Record.Status.IsTerminal())
                {
                    rejected.Add(child);
                    continue;
                }

                if (existing is not null)
                {
                    RemoveInstance(child.Instance.InstanceId);
                }

                _instances[child.Instance.InstanceId] = new InstanceState(child.Instance) { LockOwner = commit.Owner, LockedUntil = commit.LeaseUntil };
                AddMessage(child.StartMessage);
            }

            var messages = commit.NewMessages.Where(m => _instances.ContainsKey(m.InstanceId)).Select(AddMessage).ToList();
            return Task.FromResult(new CommitResult(activities, messages, rejected));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityWorkItem>> LeaseActivitiesAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var leased = new List<ActivityWorkItem>();
            foreach (var activity in _activities.Values)
            {
                if (leased.Count >= maxCount)
                {
                    break;
                }

                if (activity.Owner is null || activity.Item.LockedUntil <= now)
                {
                    activity.Owner = owner;
                    activity.Item = activity.Item with { LockedUntil = leaseUntil, DequeueCount = activity.Item.DequeueCount + 1 };
                    leased.Add(activity.Item);
                }
            }

            return Task.FromResult<IReadOnlyList<ActivityWorkItem>>(leased);
        }
    }

    /// <inheritdoc />
    public Task<InstanceMessage?> CompleteActivityAsync(long activityId, InstanceMessage result, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_activities.Remove(activityId))
            {
                return Task.FromResult<InstanceMessage?>(null);
            }

            return Task.FromResult(_instances.ContainsKey(result.InstanceId) ? AddMessage(result) : null);
        }
    }

    /// <inheritdoc />
    public Task RenewLeasesAsync(string owner, DateTimeOffset leaseUntil, DateTimeOffset endingBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var state in _instances.Values.Where(s => s.LockOwner == owner && s.LockedUntil < endingBefore))
            {
                state.LockedUntil = leaseUntil;
            }

            foreach (var activity in _activities.Values.Where(a => a.Owner == owner && a.Item.LockedUntil < endingBefore))
            {
                activity.Item = activity.Item with { LockedUntil = leaseUntil };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindReadyInstancesAsync(string owner, DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> ready = _messages.Values
                .Where(m => m.VisibleAt <= now)
                .Select(m => m.InstanceId)
                .Distinct(StringComparer.Ordinal)
                .Where(id => _instances.TryGetValue(id, out var s) && s.IsLockAvailableTo(owner, now))
                .Take(maxCount)
                .ToList();
            return Task.FromResult(ready);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(string InstanceId, DateTimeOffset DueAt)>> GetFutureMessagesAsync(
        DateTimeOffset after, DateTimeOffset until, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<(string, DateTimeOffset)> future = _messages.Values
                .Where(m => m.VisibleAt > after && m.VisibleAt <= until)
                .OrderBy(m => m.VisibleAt)
                .Take(maxCount)
                .Select(m => (m.InstanceId, m.VisibleAt))
                .ToList();
            return Task.FromResult(future);
        }
    }

    /// <inheritdoc />
    public Task<int> PurgeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var purged = 0;
            foreach (var id in instanceIds)
            {
                if (_instances.TryGetValue(id, out var state) && state.Record.Status.IsTerminal())
                {
                    RemoveInstance(id);
                    purged++;
                }
            }

            return Task.FromResult(purged);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetChildInstanceIdsAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> children = _instances.Values
                .Where(s => s.Record.Parent?.InstanceId == instanceId)
                .Select(s => s.Record.InstanceId)
                .ToList();
            return Task.FromResult(children);
        }
    }

    private ActivityWorkItem AddActivity(OrchestrationCommit commit, NewActivity activity)
    {
        var item = new ActivityWorkItem(
            ++_nextActivityId, commit.Instance.InstanceId, commit.Instance.ExecutionId, activity.TaskId, activity.Name, activity.Input, commit.LeaseUntil, 1,
            activity.TraceParent);
        _activities.Add(item.Id, new ActivityState(item, commit.Owner));
        return item;
    }
}
