using System.Text.Json;

namespace Serverless.Orchestrations.Workflows;

/// <summary>
/// What the workflow interpreter is started with. The starter resolves the definition and every
/// sub-workflow it reaches to exact published versions, so the instance carries what it runs:
/// no store reads inside the orchestrator, and a later publish never changes a running instance.
/// </summary>
public sealed record WorkflowRunInput
{
    /// <summary>The orchestrator name the interpreter is registered and started under.</summary>
    public const string OrchestratorName = "RunWorkflow";

    /// <summary>Workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>The pinned version.</summary>
    public required int Version { get; init; }

    /// <summary>Content hash of <see cref="Definition"/> (<c>sha256:...</c>).</summary>
    public required string ContentHash { get; init; }

    /// <summary>The definition's canonical JSON.</summary>
    public required string Definition { get; init; }

    /// <summary>The workflow input (validated against the definition's input schema by the interpreter).</summary>
    public JsonElement? Input { get; init; }

    /// <summary>Canonical JSON of each sub-workflow reachable from <see cref="Definition"/>, keyed <c>name@version</c>.</summary>
    public IReadOnlyDictionary<string, string> SubWorkflows { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Who started the instance (for the audit trail).</summary>
    public string? StartedBy { get; init; }

    /// <summary>Correlation id carried into every audit entry.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Set only by the interpreter itself when it continues as new: the state to resume from. Starters leave it null.</summary>
    public WorkflowContinuation? Continuation { get; init; }
}
