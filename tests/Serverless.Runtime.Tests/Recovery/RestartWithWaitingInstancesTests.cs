using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage.Sqlite;
using Serverless.Runtime.Tests.Engine;

namespace Serverless.Runtime.Tests.Recovery;

/// <summary>A restart over many waiting instances loads none of them and only the timers about to fire.</summary>
public sealed class RestartWithWaitingInstancesTests : IDisposable
{
    private const int Waiting = 30;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "serverless-tests", Guid.NewGuid().ToString("N"));

    public RestartWithWaitingInstancesTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Restart_ApprovalsWaitingDaysAndOneTimerDueSoon_PollHoldsOnlyTheNearTimerAndNoInstance()
    {
        var clock = RuntimeHarness.NewClock();
        await using (var first = await StartAsync(clock))
        {
            for (var i = 0; i < Waiting; i++)
            {
                await first.Client.ScheduleNewOrchestrationInstanceAsync("Approval", new StartOrchestrationOptions($"approval-{i}"));
                await first.WaitForTimersAsync($"approval-{i}");
            }

            await first.Client.ScheduleNewOrchestrationInstanceAsync("Soon", new StartOrchestrationOptions("soon"));
            await first.WaitForTimersAsync("soon");
        }

        await using var second = await StartAsync(clock);
        var poller = new StorePoller(second.Options, second.Store, second.Orchestrations, second.Activities, second.Watchers);
        await poller.PollOnceAsync(CancellationToken.None);
        var timersHeld = second.Orchestrations.Timers.Count;
        var cached = second.Orchestrations.CachedCount;
        var inboxes = second.Orchestrations.InboxCount;

        await second.Client.RaiseEventAsync("approval-7", "Decision", "yes");
        var approved = await second.CompleteAsync("approval-7");
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var soon = await second.CompleteAsync("soon");

        Assert.Equal(1, timersHeld);
        Assert.Equal(0, cached);
        Assert.Equal(0, inboxes);
        Assert.Equal("decided:yes", approved.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, soon.RuntimeStatus);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A store still closing keeps its file a moment longer; the temp folder is cleaned by the OS.
        }
    }

    // Poll interval 100 ms (the harness's): the timer wheel holds due times up to one second ahead.
    private Task<DurableRuntime> StartAsync(FakeTimeProvider clock) =>
        RuntimeHarness.StartAsync(
            IdleInstanceTests.Registry().AddOrchestratorFunc("Soon", ctx => ctx.CreateTimer(TimeSpan.FromMilliseconds(500), CancellationToken.None)),
            new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "hub.db") }),
            clock);
}
