using System.Net.Http.Json;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed class TimerServiceTests
{
    [Fact]
    public async Task ScheduleTimer_FakeClockPassesFireTime_HostStartsTheRun()
    {
        var start = new DateTimeOffset(2026, 5, 4, 12, 0, 30, TimeSpan.Zero);
        await using var host = new TestHost(start, new Dictionary<string, string?> { ["TimersEnabled"] = "true", ["ScheduleTickCron"] = "0 * * * * *" });
        await host.PublishOkAsync(TestWorkflows.Echo);
        (await host.Client.PutAsJsonAsync("/api/schedules/timer", new { workflow = "echo-flow", cron = "0 0 13 * * *", input = new { text = "timer" } })).EnsureSuccessStatusCode();

        host.Time.Advance(TimeSpan.FromMinutes(59.5));

        // The tick runs on the timer's thread once the fake clock passes 13:00; wait for its effect.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await host.Durable.GetInstanceAsync("schedule-timer-20260504T130000Z", timeout.Token) is null)
        {
            await every.WaitForNextTickAsync(timeout.Token);
        }

        Assert.Equal("Completed", (await host.WaitForCompletionAsync("schedule-timer-20260504T130000Z")).RuntimeStatus.ToString());
    }
}
