using Serverless.Schedules;

namespace Serverless.Host.Tests;

public sealed class CronCalendarTests
{
    [Fact]
    public void Next_SpringForwardGap_FiresOnceAfterTheGap()
    {
        var calendar = CronCalendar.Parse("0 30 2 * * *", "Europe/Berlin");

        var next = calendar.Next(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), 3);

        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 31, 0, 30, 0, TimeSpan.Zero),
            ],
            next);
    }

    [Fact]
    public void Next_FallBackOverlap_FiresOnceAtFirstOccurrence()
    {
        var calendar = CronCalendar.Parse("0 30 2 * * *", "Europe/Berlin");

        var next = calendar.Next(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero), 2);

        Assert.Equal([new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero)], next);
    }

    [Fact]
    public void Occurrences_Seconds_AreExclusiveOfStartAndInclusiveOfEnd()
    {
        var calendar = CronCalendar.Parse("*/10 * * * * *", "UTC");
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var fires = calendar.Occurrences(start, start.AddSeconds(30)).ToList();

        Assert.Equal([start.AddSeconds(10), start.AddSeconds(20), start.AddSeconds(30)], fires);
    }

    [Fact]
    public void Next_LeapDay_IsFoundYearsAhead()
    {
        var calendar = CronCalendar.Parse("0 0 12 29 2 *", "UTC");

        var next = calendar.Next(new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.Zero), 1);

        Assert.Equal([new DateTimeOffset(2032, 2, 29, 12, 0, 0, TimeSpan.Zero)], next);
    }

    [Theory]
    [InlineData("0 0 * * *", "UTC", "cron")]
    [InlineData("every minute", "UTC", "cron")]
    [InlineData("0 0 2 * * *", "Mars/Olympus", "timeZone")]
    public void Parse_Invalid_ThrowsNamingTheField(string cron, string zone, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => CronCalendar.Parse(cron, zone));

        Assert.Equal(field, error.ParamName);
    }

    [Theory]
    [InlineData("*/0 * * * * *", "second field's step in '*/0' must be a whole number from 1 to 59")]
    [InlineData("0 1/0 * * * *", "minute field's step in '1/0'")]
    [InlineData("0 0 */24 * * *", "hour field's step in '*/24' must be a whole number from 1 to 23")]
    [InlineData("0 0 0 * */12 *", "month field's step in '*/12'")]
    [InlineData("0 0 0 30 2 *", "never fires")]
    [InlineData("0 0 0 31 2,4,6,9,11 *", "never fires")]
    public void Parse_StepOutOfRangeOrNeverFiring_ThrowsWithALocatedMessage(string cron, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CronCalendar.Parse(cron, "UTC"));

        Assert.Equal("cron", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(CronCalendar.IsValidCron(cron));
    }

    [Fact]
    public void Next_RareButPossibleDate_IsFoundDecadesAhead()
    {
        // 29 February on a Monday: 2044 after 2016 (28 years), so past the old 11-year search horizon.
        var calendar = CronCalendar.Parse("0 0 12 29 2 1", "UTC");

        var next = calendar.Next(new DateTimeOffset(2016, 3, 1, 0, 0, 0, TimeSpan.Zero), 1);

        Assert.Equal([new DateTimeOffset(2044, 2, 29, 12, 0, 0, TimeSpan.Zero)], next);
    }
}
