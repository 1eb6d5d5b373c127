using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;
using Serverless.Telemetry;
using Serverless.Tests.Telemetry;

namespace Serverless.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class RuntimeMetricsTests : IDisposable
{
    private readonly TelemetryCapture _telemetry = new();

    [Fact]
    public async Task Instances_CompletedFailedAndLateTimer_AreCountedOnceEach()
    {
        var clock = RuntimeHarness.NewClock();
        var registry = new TaskRegistry()
            .AddActivityFunc<string, string>("MeteredStep", (_, x) => x == "bad" ? throw new InvalidOperationException("bad input") : x)
            .AddOrchestratorFunc<string, string>("MeteredFlow", async (ctx, x) =>
            {
                await ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
                return await ctx.CallActivityAsync<string>("MeteredStep", x);
            });
        await using var runtime = await RuntimeHarness.StartAsync(registry, time: clock, cacheSize: 0);

        var good = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("MeteredFlow", "ok");
        var bad = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("MeteredFlow", "bad");
        await runtime.WaitForTimersAsync(good);
        await runtime.WaitForTimersAsync(bad);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await runtime.CompleteAsync(good)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await runtime.CompleteAsync(bad)).RuntimeStatus);

        var flow = new KeyValuePair<string, object?>(TelemetryAttributes.Workflow, "MeteredFlow");
        Assert.Equal(2, _telemetry.Count("serverless.orchestrations.started", flow));
        Assert.Equal(1, _telemetry.Count("serverless.orchestrations.completed", flow));
        Assert.Equal(1, _telemetry.Count("serverless.orchestrations.failed", flow));
        var lag = Assert.Single(_telemetry.Points("serverless.timer.fire_lag", flow));
        Assert.Equal(2, lag.GetHistogramCount());
        Assert.Equal(10, lag.GetHistogramSum(), precision: 3);
    }

    [Fact]
    public async Task ActivityBacklog_WorkWaitingForAWorker_IsReportedWithItsAge()
    {
        var clock = RuntimeHarness.NewClock();
        var gate = new TaskCompletionSource();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = new TaskRegistry()
            .AddActivityFunc<int, int>("Held", async (_, x) =>
            {
                running.TrySetResult();
                await gate.Task;
                return x;
            })
            .AddOrchestratorFunc<int>("Backlogged", async ctx =>
            {
                var calls = Enumerable.Range(0, 6).Select(i => ctx.CallActivityAsync<int>("Held", i)).ToList();
                return (await Task.WhenAll(calls)).Sum();
            });
        var options = new DurableRuntimeOptions
        {
            HubName = "BacklogHub",
            Store = new Serverless.Runtime.Storage.Memory.InMemoryRuntimeStore(),
            TimeProvider = clock,
            MaxConcurrentActivityFunctions = 2,
        };
        await using var runtime = await DurableRuntime.StartAsync(options, registry);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Backlogged");
        await running.Task.WaitAsync(RuntimeHarness.WaitLimit);
        clock.Advance(TimeSpan.FromSeconds(7));

        var hub = new KeyValuePair<string, object?>("serverless.hub", "BacklogHub");
        var backlog = Assert.Single(_telemetry.Points("serverless.activity.backlog", hub)).GetGaugeLastValueLong();
        var age = Assert.Single(_telemetry.Points("serverless.activity.oldest_age", hub)).GetGaugeLastValueDouble();
        gate.SetResult();
        await runtime.CompleteAsync(id);

        Assert.Equal(6, backlog);
        Assert.Equal(7, age, precision: 3);
    }

    public void Dispose() => _telemetry.Dispose();
}
