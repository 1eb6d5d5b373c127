using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Telemetry;

namespace Serverless.Runtime.Execution;

/// <summary>What one episode produced, ready to become an <see cref="OrchestrationCommit"/>.</summary>
internal sealed record EpisodeResult
{
    /// <summary>History events to append.</summary>
    public required IReadOnlyList<HistoryEvent> NewHistory { get; init; }

    /// <summary>Activities to schedule.</summary>
    public IReadOnlyList<NewActivity> Activities { get; init; } = [];

    /// <summary>Messages to send (timers to itself, events, results to the parent, terminations to children).</summary>
    public IReadOnlyList<InstanceMessage> Messages { get; init; } = [];

    /// <summary>Sub-orchestrations to create.</summary>
    public IReadOnlyList<NewInstance> NewInstances { get; init; } = [];

    /// <summary>The status after the episode.</summary>
    public required OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>How the execution ended, when it did.</summary>
    public ExecutionOutcome? Outcome { get; init; }

    /// <summary>The serialized custom status.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Timers and event waits that ended in this episode, for spans and metrics once it commits.</summary>
    public IReadOnlyList<EpisodeObservation> Observations { get; init; } = [];
}
