using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Serverless.Workflows.Model;

/// <summary>
/// ISO-8601 durations of the form <c>PnW</c> or <c>PnDTnHnMnS</c> (e.g. <c>PT5M</c>, <c>P1D</c>, <c>P1DT2H</c>,
/// <c>PT0.5S</c>). Years and months are rejected because their length depends on the calendar,
/// so they cannot become a fixed <see cref="TimeSpan"/>. Only seconds may carry a fraction.
/// </summary>
public static class IsoDuration
{
    /// <summary>The longest duration accepted (100 years of days), so arithmetic on it cannot overflow.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(36_500);

    /// <summary>Parses an ISO-8601 duration.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="value">The parsed duration, or zero when parsing fails.</param>
    /// <returns>True when <paramref name="text"/> is a valid duration.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 64 || text[0] != 'P')
            return false;
        var total = 0m;
        var inTime = false;
        var any = false;
        var lastRank = -1;
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime)
                    return false;
                inTime = true;
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                i++;
            if (i == start || i == text.Length)
                return false;
            var number = text[start..i];
            var designator = text[i++];
            var rank = Rank(designator, inTime);
            if (rank < 0 || rank <= lastRank || (number.Contains('.') && designator != 'S'))
                return false;
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                return false;
            lastRank = rank;
            any = true;
            total += amount * SecondsPer(rank);
            if (total > (decimal)Maximum.TotalSeconds)
                return false;
        }
        if (!any || text[^1] == 'T')
            return false;
        value = TimeSpan.FromTicks((long)(total * TimeSpan.TicksPerSecond));
        return true;
    }

    /// <summary>Formats a duration in the canonical form this parser reads (e.g. <c>P1DT2H</c>).</summary>
    /// <param name="value">A non-negative duration.</param>
    /// <returns>The ISO-8601 text.</returns>
    public static string Format(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        var days = (long)value.TotalDays;
        var rest = value - TimeSpan.FromDays(days);
        var text = "P" + (days > 0 ? $"{days}D" : string.Empty);
        if (rest == TimeSpan.Zero)
            return days > 0 ? text : "PT0S";
        text += "T";
        if (rest.Hours > 0)
            text += $"{rest.Hours}H";
        if (rest.Minutes > 0)
            text += $"{rest.Minutes}M";
        var seconds = rest.Seconds + (rest.Ticks % TimeSpan.TicksPerSecond / (decimal)TimeSpan.TicksPerSecond);
        if (seconds > 0)
            text += seconds.ToString("0.#######", CultureInfo.InvariantCulture) + "S";
        return text;
    }

    private static int Rank(char designator, bool inTime) => (designator, inTime) switch
    {
        ('W', false) => 0,
        ('D', false) => 1,
        ('H', true) => 2,
        ('M', true) => 3,
        ('S', true) => 4,
        _ => -1,
    };

    private static decimal SecondsPer(int rank) => rank switch
    {
        0 => 7 * 86_400m,
        1 => 86_400m,
        2 => 3_600m,
        3 => 60m,
        _ => 1m,
    };
}
