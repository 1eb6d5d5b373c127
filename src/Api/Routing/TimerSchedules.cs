namespace Serverless.Api.Routing;

/// <summary>Every timer function; both hosts read the cron from the same app setting.</summary>
public static class TimerSchedules
{
    /// <summary>Starts due scheduled workflow runs.</summary>
    public static readonly TimerSchedule ScheduleTick = new("ScheduleTick", "ScheduleTickCron", "*/5 * * * * *");

    /// <summary>Purges finished instances and audit rows past their retention.</summary>
    public static readonly TimerSchedule RetentionSweep = new("RetentionSweep", "RetentionSweepCron", "0 0 * * * *");

    /// <summary>Every timer.</summary>
    public static IReadOnlyList<TimerSchedule> All { get; } = [ScheduleTick, RetentionSweep];
}
