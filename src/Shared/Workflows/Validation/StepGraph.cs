using Serverless.Workflows.Model;

namespace Serverless.Workflows.Validation;

/// <summary>Where a step sits: its sequence, position, enclosing step and nesting depth.</summary>
/// <param name="Step">The step.</param>
/// <param name="Sequence">The sequence holding it.</param>
/// <param name="Index">Its position in <paramref name="Sequence"/>.</param>
/// <param name="Parent">The composite step whose branch/body/case holds it; null at top level.</param>
/// <param name="Depth">1 for top-level steps.</param>
public sealed record StepLocation(WorkflowStep Step, StepSequence Sequence, int Index, WorkflowStep? Parent, int Depth)
{
    /// <summary>The step that follows in the same sequence, or null at its end.</summary>
    public WorkflowStep? Next => Index + 1 < Sequence.Steps.Count ? Sequence.Steps[Index + 1] : null;
}

/// <summary>
/// The resolved step graph of a valid definition: every step by id with its location, so an interpreter can
/// resolve <c>goto</c> targets, find parents and report progress without searching the tree.
/// </summary>
public sealed class StepGraph
{
    private readonly Dictionary<string, StepLocation> _locations;

    private StepGraph(Dictionary<string, StepLocation> locations, StepSequence root)
    {
        _locations = locations;
        Root = root;
    }

    /// <summary>The top-level sequence.</summary>
    public StepSequence Root { get; }

    /// <summary>Every step by id.</summary>
    public IReadOnlyDictionary<string, StepLocation> Steps => _locations;

    /// <summary>Total number of steps, nested ones included (progress reporting).</summary>
    public int Count => _locations.Count;

    /// <summary>Looks up a step's location.</summary>
    /// <param name="id">A step id.</param>
    /// <returns>The location.</returns>
    /// <exception cref="KeyNotFoundException">No step has this id.</exception>
    public StepLocation this[string id] => _locations[id];

    /// <summary>Builds the graph of a definition that passed validation (ids unique).</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The graph.</returns>
    public static StepGraph Build(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var root = new StepSequence("$.steps", definition.Steps);
        var locations = new Dictionary<string, StepLocation>(StringComparer.Ordinal);
        Add(root, null, 1, locations);
        return new StepGraph(locations, root);
    }

    private static void Add(StepSequence sequence, WorkflowStep? parent, int depth, Dictionary<string, StepLocation> locations)
    {
        for (var i = 0; i < sequence.Steps.Count; i++)
        {
            var step = sequence.Steps[i];
            locations.TryAdd(step.Id, new StepLocation(step, sequence, i, parent, depth));
            foreach (var child in step.Children)
                Add(child, step, depth + 1, locations);
        }
    }
}
