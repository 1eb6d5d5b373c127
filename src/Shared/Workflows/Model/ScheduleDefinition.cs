using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Model;

/// <summary>A cron schedule that starts instances of the workflow.</summary>
public sealed record ScheduleDefinition
{
    /// <summary>Six-field cron with seconds (<c>sec min hour day month weekday</c>), e.g. <c>0 0 2 * * *</c>.</summary>
    public required string Cron { get; init; }

    /// <summary>IANA time zone the cron is read in, e.g. <c>Europe/Berlin</c>; defaults to <c>UTC</c>.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>What to do with ticks missed while the scheduler was down.</summary>
    public MissedRunPolicy MissedRuns { get; init; }

    /// <summary>Cap on catch-up runs when <see cref="MissedRuns"/> is <see cref="MissedRunPolicy.RunAll"/>.</summary>
    public int MaxCatchUp { get; init; } = 10;

    /// <summary>What to do when a tick arrives while the previous instance still runs.</summary>
    public OverlapPolicy Overlap { get; init; }

    /// <summary>Input of each started instance; may use <c>now</c> and <c>instance.id</c>.</summary>
    public JsonTemplate? Input { get; init; }
}

/// <summary>Handling of schedule ticks missed while the scheduler was not running.</summary>
public enum MissedRunPolicy
{
    /// <summary>Missed ticks are dropped.</summary>
    Skip,

    /// <summary>One run is started for all missed ticks together.</summary>
    RunOnce,

    /// <summary>One run per missed tick, up to <see cref="ScheduleDefinition.MaxCatchUp"/>.</summary>
    RunAll,
}

/// <summary>Handling of a tick while the previous scheduled instance is still running.</summary>
public enum OverlapPolicy
{
    /// <summary>The tick starts nothing.</summary>
    Skip,

    /// <summary>The tick starts another instance alongside.</summary>
    Allow,

    /// <summary>The tick terminates the previous instance, then starts a new one.</summary>
    TerminatePrevious,
}
