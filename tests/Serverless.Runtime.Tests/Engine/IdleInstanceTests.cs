using Serverless.Runtime.History;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Engine;

/// <summary>Instances waiting idle (an approval: an event raced against a timer days away) cost no memory beyond the cache.</summary>
public class IdleInstanceTests : EngineTestBase
{
    private const int Waiting = 12;

    internal static TaskRegistry Registry() => new TaskRegistry()
        .AddOrchestratorFunc<string>("Approval", async ctx =>
        {
            try
            {
                return "decided:" + await ctx.WaitForExternalEvent<string>("Decision", TimeSpan.FromDays(3));
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        });

    [Fact]
    public async Task Deliver_TimerDaysAwayForInstanceNotCached_HoldsNothingInMemory()
    {
        var clock = RuntimeHarness.NewClock();
        await using var runtime = await StartAsync(Registry(), time: clock);
        var dueAt = clock.GetUtcNow().AddDays(3);

        runtime.Orchestrations.Deliver(new InstanceMessage(1, "elsewhere", null, new TimerFired(dueAt.UtcDateTime, 0, dueAt.UtcDateTime), dueAt));

        Assert.Equal(0, runtime.Orchestrations.Timers.Count);
        Assert.Equal(0, runtime.Orchestrations.InboxCount);
    }

    [Fact]
    public async Task ApprovalsWaiting_CacheOfTwo_MemoryHoldsOnlyTheCachedOnesAndEveryOneStillCompletes()
    {
        var clock = RuntimeHarness.NewClock();
        await using var runtime = await StartAsync(Registry(), time: clock, cacheSize: 2);
        for (var i = 0; i < Waiting; i++)
        {
            await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Approval", new Microsoft.DurableTask.StartOrchestrationOptions($"approval-{i}"));
        }

        for (var i = 0; i < Waiting; i++)
        {
            await runtime.WaitForTimersAsync($"approval-{i}");
        }

        var cached = runtime.Orchestrations.CachedCount;
        var inboxes = runtime.Orchestrations.InboxCount;
        var timers = runtime.Orchestrations.Timers.Count;
        var outputs = new List<string?>();
        for (var i = 0; i < Waiting; i++)
        {
            await runtime.Client.RaiseEventAsync($"approval-{i}", "Decision", $"yes-{i}");
            outputs.Add((await runtime.CompleteAsync($"approval-{i}")).ReadOutputAs<string>());
        }

        Assert.InRange(cached, 0, 2);
        Assert.InRange(inboxes, 0, 2);
        Assert.Equal(0, timers);
        Assert.Equal(Enumerable.Range(0, Waiting).Select(i => $"decided:yes-{i}"), outputs);
    }
}
