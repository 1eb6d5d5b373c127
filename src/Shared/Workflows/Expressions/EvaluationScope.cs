using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Workflows.Expressions;

/// <summary>The result of a step as expressions see it: <c>steps.&lt;id&gt;.output</c> and <c>steps.&lt;id&gt;.error</c>.</summary>
/// <param name="Output">The step's output (null for a skipped step or one that failed with onError continue).</param>
/// <param name="Error">Error details when the step failed and the workflow continued.</param>
public sealed record StepResult(JsonNode? Output, JsonNode? Error = null);

/// <summary>
/// Everything an expression can read. The interpreter builds one per evaluation; <see cref="Now"/> must be
/// the replay-safe orchestration time, never the wall clock.
/// </summary>
public sealed record EvaluationScope
{
    /// <summary>The workflow instance input (<c>input</c>).</summary>
    public JsonNode? Input { get; init; }

    /// <summary>Results of steps that have run, by step id (<c>steps.&lt;id&gt;</c>).</summary>
    public IReadOnlyDictionary<string, StepResult> Steps { get; init; } = new Dictionary<string, StepResult>();

    /// <summary>Workflow variables (<c>vars</c>).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Vars { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Current foreach item or transaction participant's prepare output (<c>item</c>).</summary>
    public JsonNode? Item { get; init; }

    /// <summary>Current foreach index or loop iteration, zero-based (<c>index</c>).</summary>
    public int? Index { get; init; }

    /// <summary>Instance id (<c>instance.id</c>).</summary>
    public string InstanceId { get; init; } = string.Empty;

    /// <summary>Workflow name (<c>instance.workflow</c>).</summary>
    public string WorkflowName { get; init; } = string.Empty;

    /// <summary>Workflow version (<c>instance.version</c>).</summary>
    public int WorkflowVersion { get; init; }

    /// <summary>Replay-safe current time (<c>now</c>), exposed as an ISO-8601 UTC string.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>Values of roots outside a workflow's own (a trigger's <c>body</c> and <c>headers</c>), by root name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Values { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Step budget of one evaluation.</summary>
    public int MaxEvaluationSteps { get; init; } = ExpressionLimits.MaxEvaluationSteps;

    internal JsonNode? Resolve(string root) => root switch
    {
        "input" => Input,
        "item" => Item,
        "index" => Index is { } i ? JsonValue.Create(i) : null,
        "now" => JsonValue.Create(Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        "instance" => new JsonObject
        {
            ["id"] = InstanceId,
            ["workflow"] = WorkflowName,
            ["version"] = WorkflowVersion,
        },
        _ => Values.TryGetValue(root, out var value) ? value : null,
    };
}
