using Serverless.Secrets;
using Serverless.Workflows.Model;

namespace Serverless.Workflows.Validation;

/// <summary>Limits, the activity registry and governance policies the validator enforces. Init-only; defaults are safe.</summary>
public sealed record ValidationOptions
{
    /// <summary>Activity names the runtime knows; null skips the check (e.g. when editing offline).</summary>
    public IReadOnlySet<string>? ActivityRegistry { get; init; }

    /// <summary>
    /// Activities the runtime has but only the interpreter may call (the approvals inbox's bookkeeping, the audit
    /// batches); a step naming one is refused with a message that says so. Null: none.
    /// </summary>
    public IReadOnlySet<string>? InterpreterActivities { get; init; }

    /// <summary>Where secrets come from; a <c>{{secrets.NAME}}</c> it does not have fails validation. Null skips the check.</summary>
    public ISecretSource? Secrets { get; init; }

    /// <summary>
    /// Activities whose input may hold secret references (those that send it on or return it, masked, rather than store
    /// it); null allows any activity.
    /// </summary>
    public IReadOnlySet<string>? SecretActivities { get; init; }

    /// <summary>Governance allow-list: when set, only these activities may be used.</summary>
    public IReadOnlySet<string>? AllowedActivities { get; init; }

    /// <summary>Governance: a definition carrying any of these tags must contain an approval step.</summary>
    public IReadOnlySet<string> TagsRequiringApproval { get; init; } = new HashSet<string>();

    /// <summary>Governance: no timeout (workflow, activity, approval, wait) may exceed this.</summary>
    public TimeSpan? MaxTimeout { get; init; }

    /// <summary>Most steps in one definition, counting nested ones.</summary>
    public int MaxSteps { get; init; } = 500;

    /// <summary>Deepest nesting of composite steps (a top-level step is at depth 1).</summary>
    public int MaxNestingDepth { get; init; } = 8;

    /// <summary>Largest source text in UTF-8 bytes.</summary>
    public int MaxDefinitionBytes { get; init; } = 256 * 1024;

    /// <summary>Highest allowed loop <c>maxIterations</c>.</summary>
    public int MaxLoopIterations { get; init; } = 10_000;

    /// <summary>Highest allowed foreach <c>maxConcurrency</c>.</summary>
    public int MaxConcurrency { get; init; } = 100;

    /// <summary>Highest allowed retry <c>maxAttempts</c>.</summary>
    public int MaxRetryAttempts { get; init; } = 20;

    /// <summary>
    /// Resolves a published sub-workflow by name and version (e.g. <c>WorkflowCatalog.Find</c>); null skips
    /// existence and cross-definition cycle checks (a workflow calling itself is still rejected).
    /// </summary>
    public Func<string, int, WorkflowDefinition?>? ResolveWorkflow { get; init; }
}
