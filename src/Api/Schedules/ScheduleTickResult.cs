namespace Serverless.Api.Schedules;

/// <summary>What one tick did for one fire time of one schedule.</summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="FireAt">The fire time.</param>
/// <param name="InstanceId">The deterministic instance id of that fire time.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">Why, for skips and errors.</param>
public sealed record ScheduleFire(string ScheduleId, DateTimeOffset FireAt, string InstanceId, ScheduleFireOutcome Outcome, string? Detail = null);

/// <summary>Outcomes of a fire time.</summary>
public enum ScheduleFireOutcome
{
    /// <summary>This tick started the instance.</summary>
    Started,

    /// <summary>The instance already existed (an earlier or concurrent tick started it).</summary>
    AlreadyStarted,

    /// <summary>The previous run was still running and the overlap policy is skip.</summary>
    SkippedOverlap,

    /// <summary>The previous run was terminated (overlap policy terminatePrevious), then this one started.</summary>
    StartedAfterTerminating,

    /// <summary>The workflow could not be started (e.g. not published); the detail says why.</summary>
    Failed,
}
