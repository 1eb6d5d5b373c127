using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;

namespace Serverless.Orchestrations.Workflows;

/// <summary>
/// The step results one running sequence can see: its own, layered over its enclosing sequences'. A foreach item
/// or parallel branch gets a child scope so concurrent bodies never see each other's results.
/// </summary>
internal sealed class StepScope : IReadOnlyDictionary<string, StepResult>
{
    private readonly Dictionary<string, StepResult> _local;
    private bool _halted;

    private StepScope(StepScope? parent, Dictionary<string, StepResult> local, JsonNode? item, int? index)
    {
        Parent = parent;
        _local = local;
        CurrentItem = item;
        Index = index;
    }

    /// <summary>The enclosing scope; null at top level.</summary>
    public StepScope? Parent { get; }

    /// <summary>The foreach item or transaction prepare output (<c>item</c>).</summary>
    public JsonNode? CurrentItem { get; }

    /// <summary>The foreach index or loop iteration (<c>index</c>).</summary>
    public int? Index { get; private set; }

    /// <summary>Results recorded in this scope only.</summary>
    public IReadOnlyDictionary<string, StepResult> Local => _local;

    public int Count
    {
        get
        {
            var count = 0;
            using var pairs = GetEnumerator();
            while (pairs.MoveNext())
                count++;
            return count;
        }
    }

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<StepResult> Values => this.Select(p => p.Value);

    public StepResult this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>A top-level scope, optionally restored from a continuation.</summary>
    public static StepScope Root(IReadOnlyDictionary<string, StepResult>? restored = null) =>
        new(null, restored is null ? new(StringComparer.Ordinal) : new(restored, StringComparer.Ordinal), null, null);

    /// <summary>A nested scope; item and index are inherited unless given.</summary>
    public StepScope Child(JsonNode? item = null, int? index = null, bool setsItem = false) =>
        new(this, new(StringComparer.Ordinal), setsItem ? item : CurrentItem, index ?? Index);

    /// <summary>True when this scope or an enclosing one was halted: no further step may start in it.</summary>
    public bool IsHalted
    {
        get
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (scope._halted)
                    return true;
            }
            return false;
        }
    }

    /// <summary>Stops this scope (and its children) from starting further steps; steps in flight finish.</summary>
    public void Halt() => _halted = true;

    /// <summary>Throws <see cref="StepsHaltedException"/> when the scope was halted.</summary>
    public void ThrowIfHalted()
    {
        if (IsHalted)
            throw new StepsHaltedException();
    }

    /// <summary>Sets the loop iteration seen by <c>index</c> in this scope.</summary>
    public void SetIndex(int index) => Index = index;

    /// <summary>Records a step's result in this scope.</summary>
    public void Set(string stepId, StepResult result) => _local[stepId] = result;

    /// <summary>Copies this scope's results into its parent (a parallel branch's steps stay readable after the join).</summary>
    public void MergeIntoParent()
    {
        if (Parent is null)
            return;
        foreach (var (id, result) in _local)
            Parent.Set(id, result);
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out StepResult value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._local.TryGetValue(key, out value))
                return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, StepResult>> GetEnumerator()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            foreach (var pair in scope._local)
            {
                if (seen.Add(pair.Key))
                    yield return pair;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A sequence stopped because its scope was halted (a sibling failed fast, or the workflow failed or timed out).</summary>
internal sealed class StepsHaltedException() : Exception("The enclosing scope was halted; no further steps start.");
