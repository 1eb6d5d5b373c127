namespace Serverless.Runtime.Telemetry;

/// <summary>A wait that ended in an episode (not in replay): it becomes a span and a measurement once the episode commits.</summary>
/// <param name="Start">When the orchestrator began waiting (replay-safe time of that episode).</param>
/// <param name="End">When the episode that ended the wait ran.</param>
internal abstract record EpisodeObservation(DateTime Start, DateTime End);

/// <summary>A durable timer fired and its task was still awaited.</summary>
/// <param name="TaskId">The timer's task id.</param>
/// <param name="Start">When it was created.</param>
/// <param name="End">When the episode that received it ran.</param>
/// <param name="FireAt">When it was due.</param>
internal sealed record TimerObservation(int TaskId, DateTime Start, DateTime End, DateTime FireAt) : EpisodeObservation(Start, End);

/// <summary>An external event reached an orchestrator that was waiting for it.</summary>
/// <param name="Name">The event name.</param>
/// <param name="Start">When the orchestrator began waiting.</param>
/// <param name="End">When the episode that delivered it ran.</param>
internal sealed record EventWaitObservation(string Name, DateTime Start, DateTime End) : EpisodeObservation(Start, End);
