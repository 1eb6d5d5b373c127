using Serverless.Schedules;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;
using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Parsing;

/// <summary>The <c>schedule</c> block: six-field cron, IANA time zone, missed-run and overlap policies.</summary>
public static partial class WorkflowParser
{
    private static ScheduleDefinition? ReadSchedule(ObjectReader? reader)
    {
        if (reader is null)
            return null;
        var cron = reader.String("cron", required: true) ?? string.Empty;
        if (reader.Has("cron") && CronCalendar.CronProblem(cron) is { } problem)
        {
            reader.Diagnostics.Add(DiagnosticCodes.InvalidCron, reader.PathOf("cron"), problem);
        }
        var zone = reader.String("timeZone") ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            reader.Diagnostics.Add(DiagnosticCodes.UnknownTimeZone, reader.PathOf("timeZone"), $"'{zone}' is not a known IANA time zone id such as 'Europe/Berlin'.");
        var schedule = new ScheduleDefinition
        {
            Cron = cron,
            TimeZone = zone,
            MissedRuns = reader.Enum("missedRuns", MissedRunPolicy.Skip),
            MaxCatchUp = reader.Int("maxCatchUp", 1, 1000) ?? 10,
            Overlap = reader.Enum("overlap", OverlapPolicy.Skip),
            Input = reader.Raw("input") is { } input ? ObjectReader.CompileTemplate(input, reader.PathOf("input"), reader.Diagnostics) : null,
        };
        reader.Finish();
        return schedule;
    }

    /// <summary>Whether a text is a valid six-field cron expression with seconds.</summary>
    /// <param name="cron">The cron text.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidCron(string cron) => CronCalendar.IsValidCron(cron);
}
