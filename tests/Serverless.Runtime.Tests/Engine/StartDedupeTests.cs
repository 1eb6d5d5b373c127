using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.Registration;

namespace Serverless.Runtime.Tests.Engine;

/// <summary>
/// Starting an id that exists is decided by the store, inside the transaction that would create it: an active
/// instance always refuses, a finished one refuses when its status is among the start's dedupe statuses.
/// </summary>
public class StartDedupeTests : EngineTestBase
{
    private const int Rounds = 25;

    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    private static TaskRegistry Registry() => new TaskRegistry()
        .AddOrchestratorFunc<int, int>("Echo", (_, x) => Task.FromResult(x));

    private static StartOrchestrationOptions NeverReplace(string id) => new StartOrchestrationOptions(id).WithDedupeStatuses(Finished);

    [Fact]
    public async Task Schedule_FinishedIdWithoutDedupeStatuses_ReplacesTheFinishedRun()
    {
        await using var runtime = await StartAsync(Registry());
        await runtime.RunAsync("Echo", 1, "reused");

        await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 2, new StartOrchestrationOptions("reused"));

        Assert.Equal(2, (await runtime.CompleteAsync("reused")).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Schedule_FinishedIdWithItsStatusAsDedupe_ThrowsAndKeepsTheFinishedRun()
    {
        await using var runtime = await StartAsync(Registry());
        var first = await runtime.RunAsync("Echo", 1, "kept");

        var error = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => runtime.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 2, NeverReplace("kept")));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, error.Status);
        var after = await runtime.Client.GetInstanceAsync("kept", getInputsAndOutputs: true);
        Assert.Equal(first.CreatedAt, after!.CreatedAt);
        Assert.Equal(1, after.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Schedule_UnknownDedupeStatus_ThrowsArgumentException()
    {
        await using var runtime = await StartAsync(Registry());

        await Assert.ThrowsAsync<ArgumentException>(() => runtime.Client.ScheduleNewOrchestrationInstanceAsync(
            "Echo", 1, new StartOrchestrationOptions("x") { DedupeStatuses = ["Sleeping"] }));

        Assert.Null(await runtime.Client.GetInstanceAsync("x"));
    }

    [Fact]
    public async Task Schedule_CheckThenStartWhileTheFirstRunFinishes_StartsEachIdOnce()
    {
        await using var runtime = await StartAsync(Registry());
        for (var round = 0; round < Rounds; round++)
        {
            var id = $"interleaved-{round}";

            // The late starter looks first and sees nothing; the early one starts and finishes; then the late one starts.
            var lateSawNothing = await runtime.Client.GetInstanceAsync(id) is null;
            await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Echo", round, NeverReplace(id));
            var finished = await runtime.CompleteAsync(id);
            var late = lateSawNothing
                ? await Record.ExceptionAsync(() => runtime.Client.ScheduleNewOrchestrationInstanceAsync("Echo", -1, NeverReplace(id)))
                : null;

            Assert.IsType<OrchestrationAlreadyExistsException>(late);
            var after = await runtime.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            Assert.Equal(finished.CreatedAt, after!.CreatedAt);
            Assert.Equal(round, after.ReadOutputAs<int>());
        }
    }

    [Fact]
    public async Task Schedule_ManyConcurrentStartsOfOneId_ExactlyOneSucceeds()
    {
        await using var runtime = await StartAsync(Registry());
        for (var round = 0; round < Rounds; round++)
        {
            var id = $"raced-{round}";

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
                Record.ExceptionAsync(() => runtime.Client.ScheduleNewOrchestrationInstanceAsync("Echo", i, NeverReplace(id))))));

            Assert.Single(outcomes, e => e is null);
            Assert.All(outcomes.Where(e => e is not null), e => Assert.IsType<OrchestrationAlreadyExistsException>(e));
            await runtime.CompleteAsync(id);
        }
    }
}
