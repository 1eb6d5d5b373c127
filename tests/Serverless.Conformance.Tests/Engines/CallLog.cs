using System.Collections.Concurrent;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>
/// Every activity call each instance made, in the order the engine ran them, recorded by <see cref="RecordingActivity"/>
/// around every registered activity; tests wait on it instead of sleeping.
/// </summary>
public sealed class CallLog
{
    private readonly ConcurrentDictionary<string, List<(string Name, string? Input)>> _calls = new(StringComparer.Ordinal);
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Lock _gate = new();

    /// <summary>Records that <paramref name="instanceId"/> ran activity <paramref name="name"/>.</summary>
    public void Add(string instanceId, string name, object? input)
    {
        lock (_gate)
        {
            _calls.GetOrAdd(instanceId, _ => []).Add((name, input?.ToString()));
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    /// <summary>The activity names <paramref name="instanceId"/> ran, in order.</summary>
    public IReadOnlyList<string> Of(string instanceId)
    {
        lock (_gate)
        {
            return _calls.TryGetValue(instanceId, out var calls) ? [.. calls.Select(c => c.Name)] : [];
        }
    }

    /// <summary>The inputs (as text) of each call of <paramref name="name"/> by <paramref name="instanceId"/>, in order.</summary>
    public IReadOnlyList<string?> InputsOf(string instanceId, string name)
    {
        lock (_gate)
        {
            return _calls.TryGetValue(instanceId, out var calls) ? [.. calls.Where(c => c.Name == name).Select(c => c.Input)] : [];
        }
    }

    /// <summary>How many attempts of <paramref name="name"/> the instance has made so far.</summary>
    public int Attempts(string instanceId, string name) => Of(instanceId).Count(c => c == name);

    /// <summary>Waits until <paramref name="instanceId"/> has run <paramref name="name"/> at least <paramref name="count"/> times.</summary>
    public async Task WaitForAsync(string instanceId, string name, int count = 1)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (Attempts(instanceId, name) >= count)
            {
                return;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((() => _calls.TryGetValue(instanceId, out var calls) && calls.Count(c => c.Name == name) >= count, done));
        }

        await done.Task.WaitAsync(Conditions.WaitLimit);
    }
}
