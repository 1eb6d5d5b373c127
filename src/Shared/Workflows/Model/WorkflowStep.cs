using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Model;

/// <summary>The kinds of step the language knows; the JSON <c>kind</c> value is the camel-case name.</summary>
public enum StepKind
{
    /// <summary>Calls an activity.</summary>
    Activity,

    /// <summary>Runs branches concurrently.</summary>
    Parallel,

    /// <summary>Runs a body once per item.</summary>
    Foreach,

    /// <summary>Runs the first case whose condition holds, else the default.</summary>
    Switch,

    /// <summary>Repeats a body while/until a condition, with a hard cap.</summary>
    Loop,

    /// <summary>Waits for a human decision.</summary>
    Approval,

    /// <summary>Waits for a named external event.</summary>
    Wait,

    /// <summary>Durable timer.</summary>
    Delay,

    /// <summary>Runs another workflow, pinned by name and version.</summary>
    Workflow,

    /// <summary>Two-phase commit across participants.</summary>
    Transaction,
}

/// <summary>
/// Base of every step. Steps are immutable; <see cref="Path"/> locates the step in its source for messages.
/// After the step succeeds, <see cref="Assign"/> templates are evaluated (they may read the step's own output)
/// and stored as workflow variables.
/// </summary>
public abstract record WorkflowStep
{
    /// <summary>Unique id across the whole definition; expressions read results through <c>steps.&lt;id&gt;</c>.</summary>
    public required string Id { get; init; }

    /// <summary>JSON path of the step in its source, e.g. <c>$.steps[2].branches[0].steps[1]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Variables set after the step succeeds, by name.</summary>
    public IReadOnlyDictionary<string, JsonTemplate> Assign { get; init; } = new Dictionary<string, JsonTemplate>();

    /// <summary>The step kind.</summary>
    public abstract StepKind Kind { get; }

    /// <summary>The step sequences nested directly inside this step (branches, bodies, cases), in order.</summary>
    public virtual IEnumerable<StepSequence> Children => [];
}

/// <summary>A named list of steps nested inside a composite step.</summary>
/// <param name="Path">JSON path of the list.</param>
/// <param name="Steps">The steps, in execution order.</param>
public sealed record StepSequence(string Path, IReadOnlyList<WorkflowStep> Steps);
