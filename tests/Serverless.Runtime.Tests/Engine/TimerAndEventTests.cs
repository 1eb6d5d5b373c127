using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;

namespace Serverless.Runtime.Tests.Engine;

public class TimerAndEventTests : EngineTestBase
{
    private static TaskRegistry Registry() => new TaskRegistry()
        .AddOrchestratorFunc<DateTime>("Sleeper", async ctx =>
        {
            await ctx.CreateTimer(TimeSpan.FromHours(2), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        })
        .AddOrchestratorFunc<string>("Approval", async ctx =>
        {
            try
            {
                var decision = await ctx.WaitForExternalEvent<string>("Decision", TimeSpan.FromDays(3));
                return $"decided:{decision}";
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        })
        .AddOrchestratorFunc<List<int>>("Collector", async ctx =>
        {
            var values = new List<int>();
            for (var i = 0; i < 3; i++)
            {
                values.Add(await ctx.WaitForExternalEvent<int>("value"));
            }

            return values;
        });

    [Fact]
    public async Task Timer_FiresOnlyWhenTheClockReachesIt()
    {
        var clock = RuntimeHarness.NewClock();
        await using var runtime = await StartAsync(Registry(), time: clock);
        var started = clock.GetUtcNow();

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper");
        await runtime.WaitForTimersAsync(id);
        clock.Advance(TimeSpan.FromMinutes(119));
        var stillWaiting = await runtime.Client.GetInstanceAsync(id);
        clock.Advance(TimeSpan.FromMinutes(1));
        var result = await runtime.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, stillWaiting!.RuntimeStatus);
        Assert.Equal(started.UtcDateTime.AddHours(2), result.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventArrives_ReturnsPayload()
    {
        var clock = RuntimeHarness.NewClock();
        await using var runtime = await StartAsync(Registry(), time: clock);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await runtime.WaitForTimersAsync(id);
        await runtime.Client.RaiseEventAsync(id, "DECISION", "approved");
        var result = await runtime.CompleteAsync(id);

        Assert.Equal("decided:approved", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_TimeoutPasses_ThrowsTaskCanceledInOrchestrator()
    {
        var clock = RuntimeHarness.NewClock();
        await using var runtime = await StartAsync(Registry(), time: clock);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await runtime.WaitForTimersAsync(id);
        clock.Advance(TimeSpan.FromDays(3));
        var result = await runtime.CompleteAsync(id);

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ExternalEvents_RaisedBeforeTheWait_AreBufferedAndDeliveredInOrder()
    {
        await using var runtime = await StartAsync(Registry());
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Collector");

        await runtime.Client.RaiseEventAsync(id, "value", 1);
        await runtime.Client.RaiseEventAsync(id, "Value", 2);
        await runtime.Client.RaiseEventAsync(id, "VALUE", 3);
        var result = await runtime.CompleteAsync(id);

        Assert.Equal([1, 2, 3], result.ReadOutputAs<List<int>>());
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_ThrowsNotFound()
    {
        await using var runtime = await StartAsync(Registry());

        var error = await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => runtime.Client.RaiseEventAsync("nobody", "value", 1));

        Assert.Equal("nobody", error.InstanceId);
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_ThrowsStateErrorAndStoresNothing()
    {
        var clock = RuntimeHarness.NewClock();
        await using var runtime = await StartAsync(Registry(), time: clock);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper");
        await runtime.WaitForTimersAsync(id);
        clock.Advance(TimeSpan.FromHours(2));
        await runtime.CompleteAsync(id);
        var before = await runtime.GetHistoryAsync(id);

        await Assert.ThrowsAsync<OrchestrationStateException>(() => runtime.Client.RaiseEventAsync(id, "late", 1));
        var after = await runtime.GetHistoryAsync(id);

        Assert.Equal(before.Count, after.Count);
        Assert.Empty(await runtime.Store.GetVisibleMessagesAsync(id, clock.GetUtcNow(), 10, CancellationToken.None));
    }

    [Fact]
    public async Task CancelledTimer_LaterFiring_IsIgnored()
    {
        var clock = RuntimeHarness.NewClock();
        var registry = new TaskRegistry().AddOrchestratorFunc<string>("Race", async ctx =>
        {
            using var cts = new CancellationTokenSource();
            var timer = ctx.CreateTimer(TimeSpan.FromMinutes(5), cts.Token);
            var go = ctx.WaitForExternalEvent<string>("go");
            var winner = await Task.WhenAny(timer, go);
            cts.Cancel();
            return winner == go ? await go : "timer";
        });
        await using var runtime = await StartAsync(registry, time: clock);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await runtime.WaitForTimersAsync(id);
        await runtime.Client.RaiseEventAsync(id, "go", "event");
        var result = await runtime.CompleteAsync(id);
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("event", result.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await runtime.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task ScheduledStart_StaysPendingUntilStartAt()
    {
        var clock = RuntimeHarness.NewClock();
        var registry = new TaskRegistry().AddOrchestratorFunc<DateTime>("Now", ctx => Task.FromResult(ctx.CurrentUtcDateTime));
        await using var runtime = await StartAsync(registry, time: clock);
        var startAt = clock.GetUtcNow().AddMinutes(30);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Now", new StartOrchestrationOptions(StartAt: startAt));
        var pending = await runtime.Client.GetInstanceAsync(id);
        clock.Advance(TimeSpan.FromMinutes(30));
        var result = await runtime.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending!.RuntimeStatus);
        Assert.Equal(startAt.UtcDateTime, result.ReadOutputAs<DateTime>());
    }
}
