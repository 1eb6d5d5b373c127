using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Serverless.Durable;
using Serverless.Runtime.Registration;

namespace Serverless.Runtime.Tests.Engine;

public class QueryAndPurgeTests : EngineTestBase
{
    private static TaskRegistry Registry() => new TaskRegistry()
        .AddOrchestratorFunc<int, int>("Echo", (_, x) => Task.FromResult(x))
        .AddOrchestratorFunc<string>("Forever", ctx => ctx.WaitForExternalEvent<string>("never"));

    private async Task<DurableRuntime> SeedAsync(FakeTimeProvider clock)
    {
        var runtime = await StartAsync(Registry(), time: clock);
        for (var i = 0; i < 7; i++)
        {
            await runtime.RunAsync("Echo", i, $"order-{i}");
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        for (var i = 0; i < 3; i++)
        {
            await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Forever", new StartOrchestrationOptions($"wait-{i}"));
            await runtime.Client.WaitForInstanceStartAsync($"wait-{i}");
        }

        return runtime;
    }

    [Fact]
    public async Task GetAllInstances_PagesThroughEveryMatchWithContinuationTokens()
    {
        var clock = RuntimeHarness.NewClock();
        await using var runtime = await SeedAsync(clock);

        var pages = new List<int>();
        var ids = new List<string>();
        await foreach (var page in runtime.Client.GetAllInstancesAsync(new OrchestrationQuery(PageSize: 3)).AsPages())
        {
            pages.Add(page.Values.Count);
            ids.AddRange(page.Values.Select(m => m.InstanceId));
        }

        Assert.Equal([3, 3, 3, 1], pages);
        Assert.Equal(10, ids.Distinct().Count());
    }

    [Fact]
    public async Task GetAllInstances_FiltersByStatusPrefixAndCreatedRange()
    {
        var clock = RuntimeHarness.NewClock();
        var start = clock.GetUtcNow();
        await using var runtime = await SeedAsync(clock);

        var running = await Collect(runtime, new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Running]));
        var orders = await Collect(runtime, new OrchestrationQuery(InstanceIdPrefix: "order-"));
        var window = await Collect(runtime, new OrchestrationQuery(CreatedFrom: start.AddMinutes(2), CreatedTo: start.AddMinutes(4)));

        Assert.Equal(["wait-0", "wait-1", "wait-2"], running.Order());
        Assert.Equal(7, orders.Count);
        Assert.Equal(["order-2", "order-3", "order-4"], window.Order());
    }

    [Fact]
    public async Task GetAllInstances_BadContinuationToken_ThrowsArgumentException()
    {
        await using var runtime = await StartAsync(Registry());

        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in runtime.Client.GetAllInstancesAsync(new OrchestrationQuery(ContinuationToken: "not-a-token")))
            {
            }
        });
    }

    [Fact]
    public async Task PurgeInstance_Finished_RemovesInstanceAndHistory()
    {
        await using var runtime = await StartAsync(Registry());
        await runtime.RunAsync("Echo", 1, "gone");

        var result = await runtime.Client.PurgeInstanceAsync("gone");

        Assert.Equal(1, result.PurgedInstanceCount);
        Assert.Null(await runtime.Client.GetInstanceAsync("gone"));
        Assert.Empty(await runtime.Store.GetHistoryAsync("gone", CancellationToken.None));
    }

    [Fact]
    public async Task PurgeInstance_Running_IsRefusedAndKeepsEverything()
    {
        await using var runtime = await StartAsync(Registry());
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await runtime.Client.WaitForInstanceStartAsync(id);

        await Assert.ThrowsAsync<OrchestrationStateException>(() => runtime.Client.PurgeInstanceAsync(id));

        Assert.NotNull(await runtime.Client.GetInstanceAsync(id));
    }

    [Fact]
    public async Task PurgeAllInstances_ByCreatedRange_PurgesOnlyFinishedMatches()
    {
        var clock = RuntimeHarness.NewClock();
        var start = clock.GetUtcNow();
        await using var runtime = await SeedAsync(clock);

        var result = await runtime.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedTo: start.AddMinutes(3)));
        var left = await Collect(runtime, new OrchestrationQuery());

        Assert.Equal(4, result.PurgedInstanceCount);
        Assert.Equal(6, left.Count);
        Assert.DoesNotContain("order-0", left);
        Assert.Contains("wait-0", left);
    }

    private static async Task<List<string>> Collect(DurableRuntime runtime, OrchestrationQuery query)
    {
        var ids = new List<string>();
        await foreach (var instance in runtime.Client.GetAllInstancesAsync(query))
        {
            ids.Add(instance.InstanceId);
        }

        return ids;
    }
}
