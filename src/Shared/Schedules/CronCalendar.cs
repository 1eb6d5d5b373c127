using NCrontab;

namespace Serverless.Schedules;

/// <summary>
/// Fire times of a six-field cron (seconds first) read in an IANA time zone, as UTC instants. Across a DST gap a
/// local time that does not exist fires at the same wall-clock offset after the gap (02:30 in a skipped hour fires
/// at 03:30); a local time that occurs twice fires once, at its first occurrence.
/// </summary>
public sealed class CronCalendar
{
    // Past one 400-year Gregorian cycle (4^9 days), and clear of the end of DateTimeOffset with its local-time margin.
    private static readonly TimeSpan MaxHorizon = TimeSpan.FromDays(262_144);
    private static readonly DateTimeOffset LastSearchable = DateTimeOffset.MaxValue.AddDays(-2);

    private readonly CrontabSchedule _cron;
    private readonly TimeZoneInfo _zone;

    private CronCalendar(CrontabSchedule cron, TimeZoneInfo zone)
    {
        _cron = cron;
        _zone = zone;
    }

    /// <summary>Parses a cron and a time zone.</summary>
    /// <param name="cron">Six fields: second minute hour day month weekday.</param>
    /// <param name="timeZone">An IANA time zone id, e.g. <c>Europe/Berlin</c>.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentException">The cron or the time zone is not valid; the message says which.</exception>
    public static CronCalendar Parse(string cron, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(cron);
        ArgumentNullException.ThrowIfNull(timeZone);
        var parsed = CronRules.TryParse(cron, out var problem) ?? throw new ArgumentException(problem, nameof(cron));

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            throw new ArgumentException($"'{timeZone}' is not a known IANA time zone id such as 'Europe/Berlin'.", nameof(timeZone));
        }

        return new CronCalendar(parsed, zone);
    }

    /// <summary>Whether a text is a valid six-field cron (seconds first); the one rule the DSL and the schedule API share.</summary>
    /// <param name="cron">The cron text.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidCron(string cron) => CronProblem(cron) is null;

    /// <summary>
    /// Why a text is not a usable six-field cron, or null when it is: not six fields, a step outside 1 to the field's
    /// span (<c>*/0</c>), a value out of range, or a cron that never fires (<c>0 0 0 30 2 *</c>).
    /// </summary>
    /// <param name="cron">The cron text.</param>
    /// <returns>A message naming the field and part at fault, or null.</returns>
    public static string? CronProblem(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        CronRules.TryParse(cron, out var problem);
        return problem;
    }

    /// <summary>The message for a cron that is not six valid fields.</summary>
    /// <param name="cron">The rejected cron text.</param>
    /// <returns>The message.</returns>
    public static string NotSixFieldCron(string cron) =>
        $"'{cron}' is not a six-field cron (second minute hour day month weekday), e.g. '0 0 2 * * *'.";

    /// <summary>The fire times strictly after <paramref name="after"/> and at or before <paramref name="until"/>, ascending.</summary>
    /// <param name="after">Exclusive lower bound.</param>
    /// <param name="until">Inclusive upper bound.</param>
    /// <returns>The fire times as UTC instants.</returns>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset after, DateTimeOffset until)
    {
        var last = after;

        // Start an hour early in local time so a fall-back overlap never hides an occurrence; earlier ones are filtered.
        var local = TimeZoneInfo.ConvertTime(after, _zone).DateTime.AddHours(-1).AddSeconds(-1);
        var localEnd = TimeZoneInfo.ConvertTime(until, _zone).DateTime.AddHours(2);
        foreach (var occurrence in _cron.GetNextOccurrences(local, localEnd))
        {
            var instant = ToInstant(occurrence);
            if (instant <= last)
            {
                continue;
            }

            if (instant > until)
            {
                yield break;
            }

            last = instant;
            yield return instant;
        }
    }

    /// <summary>The next <paramref name="count"/> fire times after <paramref name="after"/>.</summary>
    /// <param name="after">Exclusive lower bound.</param>
    /// <param name="count">How many.</param>
    /// <returns>The fire times (fewer near the end of the calendar; a parsed cron fires at least once in 400 years).</returns>
    public IReadOnlyList<DateTimeOffset> Next(DateTimeOffset after, int count)
    {
        var found = new List<DateTimeOffset>(count);
        var from = after;
        for (var horizon = TimeSpan.FromDays(1); found.Count < count && horizon <= MaxHorizon; horizon *= 4)
        {
            if (after > LastSearchable - horizon)
            {
                break;
            }

            found.AddRange(Occurrences(from, after + horizon).Take(count - found.Count));
            from = found.Count > 0 ? found[^1] : from;
        }

        return found;
    }

    private DateTimeOffset ToInstant(DateTime local)
    {
        if (_zone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward gap: use the offset in force before the gap.
            var before = _zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }
}
