using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Model;

/// <summary>
/// A parsed workflow definition. Immutable; obtain one through <c>WorkflowCompiler</c> so that it has
/// passed validation, which guarantees every reference is resolved and every expression is compiled.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Workflow name: letters, digits, '.', '_' and '-', starting with a letter.</summary>
    public required string Name { get; init; }

    /// <summary>Version number, a positive integer; a name and version together identify one immutable definition.</summary>
    public required int Version { get; init; }

    /// <summary>Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Fields the start input must carry.</summary>
    public InputSchema Input { get; init; } = InputSchema.Empty;

    /// <summary>Initial workflow variables (<c>vars</c>), templates over the input.</summary>
    public IReadOnlyDictionary<string, JsonTemplate> Vars { get; init; } = new Dictionary<string, JsonTemplate>();

    /// <summary>The top-level step sequence.</summary>
    public required IReadOnlyList<WorkflowStep> Steps { get; init; }

    /// <summary>Template of the workflow output, evaluated after the last step; null means the last step's output.</summary>
    public JsonTemplate? Output { get; init; }

    /// <summary>Maximum run time of an instance.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How long instance history and audit rows are kept after completion.</summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>What happens when a step fails and is not handled.</summary>
    public FailureMode OnFailure { get; init; }

    /// <summary>Labels; governance policies may react to them (e.g. require an approval step).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Optional cron schedule that starts instances.</summary>
    public ScheduleDefinition? Schedule { get; init; }
}

/// <summary>What a workflow does when a step fails without an error handler.</summary>
public enum FailureMode
{
    /// <summary>The instance fails immediately.</summary>
    Fail,

    /// <summary>Completed steps' <c>compensate</c> activities run in reverse completion order, then the instance fails.</summary>
    Compensate,
}
