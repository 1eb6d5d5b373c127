using System.Globalization;

namespace Serverless.Durable;

/// <summary>
/// The one way our HTTP answers, payloads and audit details write a point in time: ISO 8601 in UTC with a <c>Z</c> and
/// seven fractional digits (<c>2026-03-28T13:00:00.0000000Z</c>), the round-trip form Durable uses for history
/// timestamps. Nothing is lost on the way through a payload, so the order of events written in one second survives.
/// </summary>
public static class UtcTimeText
{
    /// <summary>The format string.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Writes a time.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Write(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Writes a time; an unspecified kind is taken as UTC (as orchestration times are).</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Write(DateTime time) =>
        (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToString(Format, CultureInfo.InvariantCulture);
}
