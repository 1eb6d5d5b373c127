using Serverless.Runtime.Execution;

namespace Serverless.Runtime.Telemetry;

/// <summary>What a committed episode reports: reported only after its commit, so a refused commit reports nothing.</summary>
/// <param name="Trace">The execution's trace identity, or null when it is not traced.</param>
/// <param name="StartedAt">When the execution started.</param>
/// <param name="IsNewInstance">True when the episode started the instance (not a ContinueAsNew execution).</param>
/// <param name="Observations">Timers and event waits that ended in the episode.</param>
/// <param name="Outcome">How the execution ended, when it did.</param>
internal sealed record EpisodeTelemetry(
    OrchestrationTrace? Trace, DateTime StartedAt, bool IsNewInstance, IReadOnlyList<EpisodeObservation> Observations, ExecutionOutcome? Outcome)
{
    /// <summary>The instance's start tags, added to its span (they may name the workflow and version).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
