using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Runtime.Tests.Recovery;

public sealed class CrashRecoveryTests : IDisposable
{
    private const int Instances = 20;
    private const int Steps = 5;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "serverless-tests", Guid.NewGuid().ToString("N"));

    public CrashRecoveryTests() => Directory.CreateDirectory(_folder);

    private string DatabasePath => Path.Combine(_folder, "hub.db");

    [Fact]
    public async Task AbandonMidFlight_NewRuntimeOnSameFile_CompletesEveryInstanceWithoutLosingResults()
    {
        var calls = new ConcurrentDictionary<string, int>();
        var gate = new TaskCompletionSource();
        var stepsDone = 0;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // First process: after half the steps, every further activity hangs, as if the machine froze.
        var first = await StartAsync(Registry(calls, async () =>
        {
            if (Interlocked.Increment(ref stepsDone) > Instances * Steps / 2)
            {
                halfway.TrySetResult();
                await gate.Task;
            }
        }));
        for (var i = 0; i < Instances; i++)
        {
            await first.Client.ScheduleNewOrchestrationInstanceAsync("Chain", i, new StartOrchestrationOptions($"chain-{i}"));
        }

        await halfway.Task.WaitAsync(RuntimeHarness.WaitLimit);
        var committedBefore = await CountCompletedStepsAsync(first);
        await first.AbandonAsync();

        // Second process on the same file: takes over the first one's work.
        await using var second = await StartAsync(Registry(calls, () => Task.CompletedTask));
        var outputs = new List<int>();
        for (var i = 0; i < Instances; i++)
        {
            var result = await second.CompleteAsync($"chain-{i}");
            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
            outputs.Add(result.ReadOutputAs<int>());
        }

        Assert.InRange(committedBefore, 1, (Instances * Steps) - 1);
        Assert.Equal(Enumerable.Range(0, Instances).Select(i => i + Steps), outputs);
        for (var i = 0; i < Instances; i++)
        {
            var history = await second.GetHistoryAsync($"chain-{i}");
            Assert.Equal(Steps, history.OfType<TaskScheduled>().Count());
            Assert.Equal(Steps, history.OfType<TaskCompleted>().Select(c => c.TaskScheduledId).Distinct().Count());
            Assert.Single(history.OfType<ExecutionCompleted>());
        }
    }

    [Fact]
    public async Task AbandonMidFlight_LeasesFarFromExpiry_NewRuntimeResumesAtOnce()
    {
        // Leases of ten minutes: the second runtime finishes within the wait limit only if it proves the first
        // one gone and takes its work over without waiting for the leases to expire.
        var calls = new ConcurrentDictionary<string, int>();
        var gate = new TaskCompletionSource();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stepsDone = 0;
        var first = await StartAsync(
            Registry(calls, async () =>
            {
                if (Interlocked.Increment(ref stepsDone) > Instances * Steps / 2)
                {
                    halfway.TrySetResult();
                    await gate.Task;
                }
            }),
            leaseDuration: TimeSpan.FromMinutes(10));
        for (var i = 0; i < Instances; i++)
        {
            await first.Client.ScheduleNewOrchestrationInstanceAsync("Chain", i, new StartOrchestrationOptions($"chain-{i}"));
        }

        await halfway.Task.WaitAsync(RuntimeHarness.WaitLimit);
        await first.AbandonAsync();

        await using var second = await StartAsync(Registry(calls, () => Task.CompletedTask), leaseDuration: TimeSpan.FromMinutes(10));
        for (var i = 0; i < Instances; i++)
        {
            var result = await second.CompleteAsync($"chain-{i}");
            Assert.Equal(i + Steps, result.ReadOutputAs<int>());
        }
    }

    [Fact]
    public async Task TwoRuntimesOnOneFile_ShareTheWorkAndCompleteEachInstanceOnce()
    {
        var callsA = new ConcurrentDictionary<string, int>();
        var callsB = new ConcurrentDictionary<string, int>();
        await using var a = await StartAsync(Registry(callsA, () => Task.CompletedTask));
        await using var b = await StartAsync(Registry(callsB, () => Task.CompletedTask));

        for (var i = 0; i < Instances; i++)
        {
            var client = i % 2 == 0 ? a.Client : b.Client;
            await client.ScheduleNewOrchestrationInstanceAsync("Chain", i, new StartOrchestrationOptions($"shared-{i}"));
        }

        var approval = await a.Client.ScheduleNewOrchestrationInstanceAsync("AwaitsApproval", null, new StartOrchestrationOptions("approval"));
        await a.Client.WaitForInstanceStartAsync(approval);
        await b.Client.RaiseEventAsync(approval, "approved", "yes, from the other process");

        for (var i = 0; i < Instances; i++)
        {
            var result = await (i % 2 == 0 ? b : a).CompleteAsync($"shared-{i}");
            Assert.Equal(i + Steps, result.ReadOutputAs<int>());
            var history = await a.GetHistoryAsync($"shared-{i}");
            Assert.Single(history.OfType<ExecutionCompleted>());
        }

        var approved = await b.CompleteAsync(approval);
        Assert.Equal("yes, from the other process", approved.ReadOutputAs<string>());
        Assert.NotEmpty(callsA);
        Assert.NotEmpty(callsB);
    }

    [Fact]
    public async Task DurableTimer_SurvivesARestart_FiresWhenDueInTheNewRuntime()
    {
        var clock = RuntimeHarness.NewClock();
        var registry = new TaskRegistry().AddOrchestratorFunc<DateTime>("Reminder", async ctx =>
        {
            await ctx.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        });
        var first = await StartAsync(registry, clock);
        var id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Reminder");
        var history = await first.WaitForHistoryAsync(id, h => h.OfType<TimerCreated>().Any());
        await first.AbandonAsync();

        await using var second = await StartAsync(registry, clock);
        clock.Advance(TimeSpan.FromHours(1));
        var result = await second.CompleteAsync(id);

        Assert.Equal(history.OfType<TimerCreated>().Single().FireAt, result.ReadOutputAs<DateTime>());
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
            // Best effort; the folder is under the temp path.
        }
    }

    private static TaskRegistry Registry(ConcurrentDictionary<string, int> calls, Func<Task> beforeStep) => new TaskRegistry()
        .AddActivityFunc<int, int>("Step", async (ctx, x) =>
        {
            await beforeStep();
            calls.AddOrUpdate($"{ctx.InstanceId}:{x}", 1, (_, n) => n + 1);
            return x + 1;
        })
        .AddOrchestratorFunc<int, int>("Chain", async (ctx, x) =>
        {
            for (var i = 0; i < Steps; i++)
            {
                x = await ctx.CallActivityAsync<int>("Step", x);
            }

            return x;
        })
        .AddOrchestratorFunc<string>("AwaitsApproval", ctx => ctx.WaitForExternalEvent<string>("approved"));

    private static async Task<int> CountCompletedStepsAsync(DurableRuntime runtime)
    {
        var total = 0;
        for (var i = 0; i < Instances; i++)
        {
            total += (await runtime.Store.GetHistoryAsync($"chain-{i}", CancellationToken.None)).OfType<TaskCompleted>().Count();
        }

        return total;
    }

    private Task<DurableRuntime> StartAsync(TaskRegistry registry, TimeProvider? clock = null, TimeSpan? leaseDuration = null) => DurableRuntime.StartAsync(
        new DurableRuntimeOptions
        {
            TimeProvider = clock ?? TimeProvider.System,
            Store = new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = DatabasePath }),
            LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxConcurrentActivityFunctions = 4,
            MaxConcurrentOrchestratorFunctions = 4,
        },
        registry);
}
