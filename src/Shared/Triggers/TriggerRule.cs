using Serverless.Workflows.Expressions;
using Serverless.Workflows.Templates;

namespace Serverless.Triggers;

/// <summary>One rule of a trigger: when its condition holds for a delivery, it starts a workflow.</summary>
public sealed record TriggerRule
{
    /// <summary>The rule id, unique in its trigger.</summary>
    public required string Id { get; init; }

    /// <summary>The condition over <c>body</c> and <c>headers</c>, or null to match every delivery.</summary>
    public Expression? When { get; init; }

    /// <summary>The workflow to start.</summary>
    public required string Workflow { get; init; }

    /// <summary>A pinned version, or null for the active one at delivery time.</summary>
    public int? Version { get; init; }

    /// <summary>The input of the instance, or null to pass the body unchanged.</summary>
    public JsonTemplate? Input { get; init; }

    /// <summary>The instance id, or null for a new one per delivery. A deterministic id makes a retried delivery start nothing twice.</summary>
    public StringTemplate? InstanceId { get; init; }
}
