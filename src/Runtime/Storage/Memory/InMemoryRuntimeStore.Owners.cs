namespace Serverless.Runtime.Storage.Memory;

/// <content>Owner registrations: an owner is gone once its handle is disposed (the in-process stand-in for a crash).</content>
public sealed partial class InMemoryRuntimeStore
{
    // Registered owners; false once the handle was disposed and until their leases are reclaimed.
    private readonly Dictionary<string, bool> _owners = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IAsyncDisposable> RegisterOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        lock (_gate)
        {
            _owners[owner] = true;
        }

        return Task.FromResult<IAsyncDisposable>(new Registration(this, owner));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ReclaimDeadOwnersAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var dead = _owners.Where(o => !o.Value).Select(o => o.Key).ToList();
            foreach (var owner in dead)
            {
                foreach (var state in _instances.Values.Where(s => s.LockOwner == owner))
                {
                    state.LockOwner = null;
                }

                foreach (var activity in _activities.Values.Where(a => a.Owner == owner))
                {
                    activity.Owner = null;
                }

                _owners.Remove(owner);
            }

            return Task.FromResult<IReadOnlyList<string>>(dead);
        }
    }

    private sealed class Registration(InMemoryRuntimeStore store, string owner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (store._gate)
            {
                if (store._owners.ContainsKey(owner))
                {
                    store._owners[owner] = false;
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
