using System.Text.Json.Nodes;

namespace Serverless.Orchestrations.Workflows;

/// <summary>What a completed workflow instance returns (a failed one fails with <see cref="WorkflowFailedException"/>).</summary>
public sealed record WorkflowRunOutput
{
    /// <summary>Workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>The version that ran.</summary>
    public required int Version { get; init; }

    /// <summary>The definition's output mapping, or the last top-level step's output.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Steps finished, nested steps and iterations counted each time.</summary>
    public int StepsCompleted { get; init; }

    /// <summary>Domain events recorded for the run (their audit sequence numbers run from 1 to this).</summary>
    public int EventsRecorded { get; init; }
}
