using Microsoft.DurableTask.Client;
using Serverless.Conformance.Tests.Engines;
using Serverless.Conformance.Tests.Orchestrators;

namespace Serverless.Conformance.Tests.Scenarios;

// Durable primitives: timers, external events, sub-orchestrations, continue-as-new, retries.
public abstract partial class ConformanceSuite
{
    [SkippableFact]
    public async Task Timer_ShortDelay_FiresAndReplayTimeHasReachedFireTime()
    {
        var result = await RunAsync(TimerScenario.Name, 200);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);

        // Difference (docs/runtime.md): Azure Storage queues delay messages in whole seconds, so a timer due in under a
        // second can fire on the AzureStorage engine before its fire time.
        var output = result.ReadOutputAs<TimerScenarioOutput>()!;
        Assert.False(output.ReplayingAtEnd);
        Assert.True(output.ReachedFireTime || Kind == EngineKind.AzureStorage);
        Assert.Equal([Mark.Name], Calls.Of(result.InstanceId));
    }

    [SkippableFact]
    public async Task ExternalEvent_RaisedBeforeTheOrchestratorWaits_IsBufferedAndDelivered()
    {
        var id = await StartAsync(EventScenario.Name, new EventScenarioInput("approve", MarkFirst: true));
        await Client.RaiseEventAsync(id, "approve", "early");

        var result = await CompleteAsync(id);

        Assert.Equal(["early"], result.ReadOutputAs<string[]>()!);
        Assert.Equal([Mark.Name], Calls.Of(id));
    }

    [SkippableFact]
    public async Task ExternalEvent_SeveralOfOneName_AreDeliveredInArrivalOrder()
    {
        var id = await StartAsync(EventScenario.Name, new EventScenarioInput("item", MarkFirst: true, Count: 3));
        await Calls.WaitForAsync(id, Mark.Name);
        foreach (var value in new[] { "a", "b", "c" })
        {
            await Client.RaiseEventAsync(id, "item", value);
        }

        var result = await CompleteAsync(id);

        Assert.Equal(["a", "b", "c"], result.ReadOutputAs<string[]>()!);
    }

    [SkippableFact]
    public async Task ExternalEvent_NameDiffersInCase_IsStillDelivered()
    {
        var id = await StartAsync(EventScenario.Name, new EventScenarioInput("Approve"));
        await Client.RaiseEventAsync(id, "APPROVE", "any case");

        var result = await CompleteAsync(id);

        Assert.Equal(["any case"], result.ReadOutputAs<string[]>()!);
    }

    [SkippableFact]
    public async Task ExternalEvent_NoneArrivesWithinTimeout_WaitIsCancelled()
    {
        var result = await RunAsync(EventScenario.Name, new EventScenarioInput("never", TimeoutMs: 200));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["timed-out"], result.ReadOutputAs<string[]>()!);
    }

    [SkippableFact]
    public async Task ExternalEvent_ArrivesWithinTimeout_WinsOverTheTimer()
    {
        var id = await StartAsync(EventScenario.Name, new EventScenarioInput("soon", MarkFirst: true, TimeoutMs: 60_000));
        await Calls.WaitForAsync(id, Mark.Name);
        await Client.RaiseEventAsync(id, "soon", "in time");

        var result = await CompleteAsync(id);

        Assert.Equal(["in time"], result.ReadOutputAs<string[]>()!);
    }

    [SkippableFact]
    public async Task SubOrchestration_ChildSucceeds_ParentGetsItsOutput()
    {
        var id = NewId("parent");

        var result = await RunAsync(ParentScenario.Name, 21, id);

        Assert.Equal(new ParentScenarioOutput(42, null), result.ReadOutputAs<ParentScenarioOutput>());
        Assert.Equal([Mark.Name], Calls.Of(id + ":child"));
        var child = await Client.GetInstanceAsync(id + ":child", getInputsAndOutputs: true);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, ChildScenario.Name, 42), (child!.RuntimeStatus, child.Name, child.ReadOutputAs<int>()));
    }

    [SkippableFact]
    public async Task SubOrchestration_ChildThrows_ParentCatchesTaskFailedWithTheChildsFailure()
    {
        var result = await RunAsync(ParentScenario.Name, -1);

        var failure = result.ReadOutputAs<ParentScenarioOutput>()!.ChildFailure!;
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.ErrorType);
        Assert.Equal("child cannot take -1", failure.ErrorMessage);
        Assert.Equal(typeof(ArgumentOutOfRangeException).FullName, failure.Inner?.ErrorType);
    }

    [SkippableFact]
    public async Task ContinueAsNew_FourRounds_CarriesStateAndKeepsTheInstanceId()
    {
        var id = NewId("rounds");

        var result = await RunAsync(ContinueAsNewScenario.Name, new CounterState(1, 4, []), id);

        Assert.Equal((OrchestrationRuntimeStatus.Completed, id), (result.RuntimeStatus, result.InstanceId));
        Assert.Equal(["round-1", "round-2", "round-3", "round-4"], result.ReadOutputAs<string[]>()!);
        Assert.Equal("""{"round":4}""", result.SerializedCustomStatus);
        Assert.Equal(Enumerable.Repeat(Mark.Name, 4), Calls.Of(id));
    }

    [SkippableFact]
    public async Task Retry_SucceedsOnThirdAttempt_ReturnsAfterExactlyThreeCalls()
    {
        var result = await RunAsync(RetryScenario.Name, new RetryScenarioInput(SucceedOnAttempt: 3, MaxAttempts: 5));

        Assert.Equal((OrchestrationRuntimeStatus.Completed, 3), (result.RuntimeStatus, result.ReadOutputAs<int>()));
        Assert.Equal(Enumerable.Repeat(Flaky.Name, 3), Calls.Of(result.InstanceId));
    }

    [SkippableFact]
    public async Task Retry_AttemptsExhausted_FailsWithTheLastAttemptsError()
    {
        var result = await RunAsync(RetryScenario.Name, new RetryScenarioInput(SucceedOnAttempt: 10, MaxAttempts: 3));

        Assert.Equal(Enumerable.Repeat(Flaky.Name, 3), Calls.Of(result.InstanceId));
        AssertFailed(result, "attempt 3 failed", failure =>
        {
            Assert.Equal("Microsoft.DurableTask.TaskFailedException", failure.ErrorType);
            Assert.Equal((typeof(InvalidOperationException).FullName, "attempt 3 failed"), (failure.Inner?.ErrorType, failure.Inner?.ErrorMessage));
        });
    }
}
