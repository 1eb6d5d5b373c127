using System.Globalization;
using NCrontab;

namespace Serverless.Schedules;

/// <summary>
/// The checks a six-field cron must pass before NCrontab reads it: six fields, steps from 1 to the field's span
/// (NCrontab takes <c>*/0</c> as every value), and at least one fire time in a full 400-year Gregorian cycle
/// (<c>0 0 0 30 2 *</c> never fires). Each message names the field and the part at fault.
/// </summary>
internal static class CronRules
{
    private static readonly CrontabSchedule.ParseOptions Options = new() { IncludingSeconds = true };

    // The Gregorian calendar repeats every 400 years (146,097 days, a whole number of weeks): a cron that fires
    // nowhere in one cycle fires never.
    private static readonly DateTime CycleStart = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime CycleEnd = CycleStart.AddYears(400);

    private static readonly (string Name, int Min, int Max)[] Fields =
    [
        ("second", 0, 59), ("minute", 0, 59), ("hour", 0, 23), ("day", 1, 31), ("month", 1, 12), ("weekday", 0, 6),
    ];

    /// <summary>Parses a cron, or says exactly why it cannot be used.</summary>
    /// <param name="cron">The cron text.</param>
    /// <param name="problem">Null when valid, else a message naming the field and part at fault.</param>
    /// <returns>The parsed schedule, or null.</returns>
    public static CrontabSchedule? TryParse(string cron, out string? problem)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != Fields.Length)
        {
            problem = CronCalendar.NotSixFieldCron(cron);
            return null;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (StepProblem(fields[i], Fields[i]) is { } stepProblem)
            {
                problem = $"'{cron}': {stepProblem}";
                return null;
            }
        }

        if (CrontabSchedule.TryParse(cron, Options) is not { } parsed)
        {
            problem = $"'{cron}' has a value out of range or a field that is not cron syntax; values run second 0-59, "
                + "minute 0-59, hour 0-23, day 1-31, month 1-12 (or JAN-DEC), weekday 0-6 (or SUN-SAT).";
            return null;
        }

        if (parsed.GetNextOccurrence(CycleStart.AddTicks(-1), CycleEnd) >= CycleEnd)
        {
            problem = $"'{cron}' never fires: no date matches its day, month and weekday fields (e.g. 30 February).";
            return null;
        }

        problem = null;
        return parsed;
    }

    private static string? StepProblem(string field, (string Name, int Min, int Max) rule)
    {
        var span = rule.Max - rule.Min;
        foreach (var part in field.Split(','))
        {
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                continue;
            }

            var step = part[(slash + 1)..];
            if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > span)
            {
                return $"the {rule.Name} field's step in '{part}' must be a whole number from 1 to {span}, not '{step}'.";
            }
        }

        return null;
    }
}
