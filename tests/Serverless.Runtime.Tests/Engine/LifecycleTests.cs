using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;

namespace Serverless.Runtime.Tests.Engine;

public class LifecycleTests : EngineTestBase
{
    private static TaskRegistry Registry() => new TaskRegistry()
        .AddActivityFunc<int, int>("Double", (_, x) => x * 2)
        .AddActivityFunc<string, string>("Fail", string (TaskActivityContext _, string message) => throw new InvalidOperationException(message))
        .AddOrchestratorFunc<int, int>("Child", (ctx, x) => ctx.CallActivityAsync<int>("Double", x))
        .AddOrchestratorFunc<int, int>("FailingChild", async (ctx, _) => await ctx.CallActivityAsync<int>("Fail", "child broke"))
        .AddOrchestratorFunc<int, int>("Parent", async (ctx, x) =>
        {
            var a = await ctx.CallSubOrchestratorAsync<int>("Child", x);
            var b = await ctx.CallSubOrchestratorAsync<int>("Child", a, new SubOrchestrationOptions(instanceId: $"{ctx.InstanceId}-second"));
            return b;
        })
        .AddOrchestratorFunc<int, string>("ParentOfFailure", async (ctx, x) =>
        {
            try
            {
                await ctx.CallSubOrchestratorAsync<int>("FailingChild", x);
                return "no failure";
            }
            catch (TaskFailedException ex)
            {
                return ex.FailureDetails.InnerFailure?.ErrorMessage ?? ex.FailureDetails.ErrorMessage;
            }
        })
        .AddOrchestratorFunc<int, int>("Counter", async (ctx, n) =>
        {
            if (n < 10)
            {
                await ctx.CallActivityAsync<int>("Double", n);
                ctx.ContinueAsNew(n + 1);
                return -1;
            }

            return n;
        })
        .AddOrchestratorFunc<string>("Waiter", async ctx =>
        {
            ctx.SetCustomStatus(new { phase = "waiting" });
            var value = await ctx.WaitForExternalEvent<string>("go");
            ctx.SetCustomStatus(new { phase = "done" });
            return value;
        })
        .AddOrchestratorFunc<string>("WaitsForChild", async ctx =>
            (await ctx.CallSubOrchestratorAsync<string>("Waiter", null, new SubOrchestrationOptions(instanceId: ctx.InstanceId + "-child"))) ?? string.Empty);

    [Fact]
    public async Task SubOrchestrations_ResultsFlowBackToTheParent()
    {
        await using var runtime = await StartAsync(Registry());

        var result = await runtime.RunAsync("Parent", 3, "parent-1");
        var second = await runtime.Client.GetInstanceAsync("parent-1-second", getInputsAndOutputs: true);

        Assert.Equal(12, result.ReadOutputAs<int>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, second!.RuntimeStatus);
        Assert.Equal(6, second.ReadInputAs<int>());
    }

    [Fact]
    public async Task SubOrchestration_AfterReplay_StillKnowsItsParent()
    {
        var registry = new TaskRegistry()
            .AddActivityFunc<int, int>("Double", (_, x) => x * 2)
            .AddOrchestratorFunc<string>("Kid", async ctx =>
            {
                await ctx.CallActivityAsync<int>("Double", 1);
                return $"{ctx.Parent?.Name.Name}/{ctx.Parent?.InstanceId}";
            })
            .AddOrchestratorFunc<string>("Mom", ctx => ctx.CallSubOrchestratorAsync<string>("Kid"));
        await using var runtime = await StartAsync(registry, cacheSize: 0);

        var result = await runtime.RunAsync("Mom", null, "mom-1");

        Assert.Equal("Mom/mom-1", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SubOrchestration_Fails_ParentSeesTaskFailedExceptionWithCause()
    {
        await using var runtime = await StartAsync(Registry());

        var result = await runtime.RunAsync("ParentOfFailure", 1);

        Assert.Equal("child broke", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_TenGenerations_HistoryStartsAfreshEachTime()
    {
        await using var runtime = await StartAsync(Registry());

        var result = await runtime.RunAsync("Counter", 0);
        var history = await runtime.GetHistoryAsync(result.InstanceId);

        Assert.Equal(10, result.ReadOutputAs<int>());
        Assert.Equal(10, result.ReadInputAs<int>());
        Assert.Single(history.OfType<ExecutionStarted>());
        Assert.Empty(history.OfType<TaskScheduled>());
    }

    [Fact]
    public async Task ContinueAsNew_UnprocessedEvents_CarriedIntoTheNextExecution()
    {
        var registry = new TaskRegistry().AddOrchestratorFunc<int, string>("TwoRounds", async (ctx, round) =>
        {
            if (round == 0)
            {
                await ctx.WaitForExternalEvent<string>("first");
                ctx.ContinueAsNew(1);
                return string.Empty;
            }

            return await ctx.WaitForExternalEvent<string>("second");
        });
        await using var runtime = await StartAsync(registry);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("TwoRounds", 0);
        await runtime.Client.WaitForInstanceStartAsync(id);

        // Both arrive in one episode of round 0: "second" is unprocessed there and must survive the restart.
        await runtime.Client.SuspendInstanceAsync(id);
        await runtime.Client.RaiseEventAsync(id, "first", "a");
        await runtime.Client.RaiseEventAsync(id, "second", "b");
        await runtime.Client.ResumeInstanceAsync(id);
        var result = await runtime.CompleteAsync(id);

        Assert.Equal("b", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_RunningInstance_EndsTerminatedWithOutput()
    {
        await using var runtime = await StartAsync(Registry());
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await runtime.Client.WaitForInstanceStartAsync(id);

        await runtime.Client.TerminateInstanceAsync(id, "operator stopped it");
        var result = await runtime.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("operator stopped it", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_Recursive_StopsTheChildToo()
    {
        await using var runtime = await StartAsync(Registry());
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("WaitsForChild", new StartOrchestrationOptions("tree"));
        await runtime.WaitForHistoryAsync(id, h => h.OfType<SubOrchestrationCreated>().Any());
        await runtime.Client.WaitForInstanceStartAsync("tree-child");

        await runtime.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions("stop all", Recursive: true));
        var parent = await runtime.CompleteAsync(id);
        var child = await runtime.CompleteAsync("tree-child");

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, parent.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, child.RuntimeStatus);
    }

    [Fact]
    public async Task SuspendResume_EventsWhileSuspendedWaitUntilResume()
    {
        await using var runtime = await StartAsync(Registry());
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await runtime.Client.WaitForInstanceStartAsync(id);

        await runtime.Client.SuspendInstanceAsync(id, "maintenance");
        await runtime.WaitForHistoryAsync(id, h => h.OfType<ExecutionSuspended>().Any());
        await runtime.Client.RaiseEventAsync(id, "go", "after resume");
        await runtime.WaitForHistoryAsync(id, h => h.OfType<EventRaised>().Any());
        var suspended = await runtime.Client.GetInstanceAsync(id);
        await runtime.Client.ResumeInstanceAsync(id);
        var result = await runtime.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, suspended!.RuntimeStatus);
        Assert.Equal("after resume", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CustomStatus_IsVisibleWhileRunningAndAfterCompletion()
    {
        await using var runtime = await StartAsync(Registry());
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await runtime.Client.WaitForInstanceStartAsync(id);

        var running = await runtime.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        await runtime.Client.RaiseEventAsync(id, "go", "x");
        var done = await runtime.CompleteAsync(id);

        Assert.Equal("{\"phase\":\"waiting\"}", running!.SerializedCustomStatus);
        Assert.Equal("{\"phase\":\"done\"}", done.SerializedCustomStatus);
    }

    [Fact]
    public async Task Restart_FinishedInstance_RunsAgainWithTheSameInput()
    {
        await using var runtime = await StartAsync(Registry());
        var first = await runtime.RunAsync("Child", 21, "again");

        var id = await runtime.Client.RestartAsync("again");
        var second = await runtime.CompleteAsync(id);
        var newId = await runtime.Client.RestartAsync("again", restartWithNewInstanceId: true);
        var third = await runtime.CompleteAsync(newId);

        Assert.Equal("again", id);
        Assert.NotEqual("again", newId);
        Assert.Equal(42, first.ReadOutputAs<int>());
        Assert.Equal(42, second.ReadOutputAs<int>());
        Assert.Equal(42, third.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Restart_InstanceStartedWithTags_KeepsTheTags()
    {
        await using var runtime = await StartAsync(Registry());
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["serverless.workflow"] = "order", ["serverless.version"] = "3" };
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(
            "Child", 21, new Microsoft.DurableTask.StartOrchestrationOptions("tagged") { Tags = tags });
        await runtime.CompleteAsync(id);

        await runtime.CompleteAsync(await runtime.Client.RestartAsync(id));
        var copy = await runtime.Client.RestartAsync(id, restartWithNewInstanceId: true);
        await runtime.CompleteAsync(copy);

        foreach (var instance in new[] { id, copy })
        {
            var started = Assert.Single((await runtime.Client.GetOrchestrationHistoryAsync(instance)).OfType<DurableTask.Core.History.ExecutionStartedEvent>());
            Assert.Equal(tags, started.Tags);
        }
    }

    [Fact]
    public async Task Restart_RunningInstance_IsRefused()
    {
        await using var runtime = await StartAsync(Registry());
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");

        await Assert.ThrowsAsync<OrchestrationStateException>(() => runtime.Client.RestartAsync(id));
    }

    [Fact]
    public async Task Schedule_ActiveInstanceIdReused_ThrowsAlreadyExists()
    {
        await using var runtime = await StartAsync(Registry());
        await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", new StartOrchestrationOptions("same"));

        var error = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", new StartOrchestrationOptions("same")));

        Assert.Equal("same", error.InstanceId);
    }

    [Fact]
    public async Task Schedule_UnknownOrchestrator_ThrowsAndCreatesNothing()
    {
        await using var runtime = await StartAsync(Registry());

        await Assert.ThrowsAsync<ArgumentException>(() => runtime.Client.ScheduleNewOrchestrationInstanceAsync("Nope", new StartOrchestrationOptions("x")));

        Assert.Null(await runtime.Client.GetInstanceAsync("x"));
    }
}
