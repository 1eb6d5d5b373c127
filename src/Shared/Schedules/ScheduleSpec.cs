using Serverless.Workflows.Model;

namespace Serverless.Schedules;

/// <summary>A schedule that starts a workflow on a cron, with its tick state.</summary>
public sealed record ScheduleSpec
{
    /// <summary>The schedule id (letters, digits, <c>-</c> and <c>_</c>, 1–64 characters).</summary>
    public required string Id { get; init; }

    /// <summary>The workflow to start.</summary>
    public required string Workflow { get; init; }

    /// <summary>A pinned version, or null for the active version at each fire time.</summary>
    public int? Version { get; init; }

    /// <summary>Six-field cron with seconds.</summary>
    public required string Cron { get; init; }

    /// <summary>IANA time zone the cron is read in.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>What to do with fire times missed while no tick ran.</summary>
    public MissedRunPolicy MissedRuns { get; init; }

    /// <summary>Cap on catch-up runs for <see cref="MissedRunPolicy.RunAll"/>.</summary>
    public int MaxCatchUp { get; init; } = 10;

    /// <summary>What to do when a fire time comes while the previous run still runs.</summary>
    public OverlapPolicy Overlap { get; init; }

    /// <summary>The input of each run, as JSON, or null.</summary>
    public string? InputJson { get; init; }

    /// <summary>True while paused: ticks start nothing and fire times pass unrun.</summary>
    public bool Paused { get; init; }

    /// <summary>The next fire time not yet handled.</summary>
    public DateTimeOffset NextFireAt { get; init; }

    /// <summary>The instance the last run started, if any.</summary>
    public string? LastInstanceId { get; init; }

    /// <summary>When the schedule was last created, changed, paused or resumed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The calendar of <see cref="Cron"/> in <see cref="TimeZone"/>.</summary>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentException">The cron or time zone is invalid.</exception>
    public CronCalendar Calendar() => CronCalendar.Parse(Cron, TimeZone);

    /// <summary>The deterministic instance id of the run for one fire time: a tick that runs twice starts it once.</summary>
    /// <param name="fireAt">The fire time.</param>
    /// <returns>The instance id.</returns>
    public string InstanceIdFor(DateTimeOffset fireAt) =>
        $"schedule-{Id}-{fireAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
}
