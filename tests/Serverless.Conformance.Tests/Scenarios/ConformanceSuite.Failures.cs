using Microsoft.DurableTask.Client;
using Serverless.Conformance.Tests.Engines;
using Serverless.Conformance.Tests.Orchestrators;

namespace Serverless.Conformance.Tests.Scenarios;

// Failure details and non-determinism.
public abstract partial class ConformanceSuite
{
    [SkippableFact]
    public async Task Failure_ActivityThrowsUncaught_FailsWithTaskFailedWrappingTheActivitysChain()
    {
        var result = await RunAsync(FailureScenario.Name, "activity");

        AssertFailed(result, $"Task '{FailWithInner.Name}' (#0) failed with an unhandled exception: outer: activity", failure =>
        {
            Assert.Equal("Microsoft.DurableTask.TaskFailedException", failure.ErrorType);
            Assert.Equal(
                new FailureView(typeof(InvalidOperationException).FullName!, "outer: activity", new FailureView(typeof(FormatException).FullName!, "inner cause", null)),
                failure.Inner);
        });
    }

    [SkippableFact]
    public async Task Failure_OrchestratorThrows_FailsWithItsTypeMessageAndInner()
    {
        var result = await RunAsync(FailureScenario.Name, "orchestrator");

        AssertFailed(result, "orchestrator failed", failure => Assert.Equal(
            new FailureView(typeof(InvalidOperationException).FullName!, "orchestrator failed", new FailureView(typeof(FormatException).FullName!, "inner cause", null)),
            failure));

        // Difference (docs/runtime.md): Microsoft's engine keeps the error message as the failed instance's output; ours keeps none.
        Assert.Equal(Kind == EngineKind.OurRuntime ? null : "orchestrator failed", result.SerializedOutput);
    }

    [SkippableFact]
    public async Task Failure_ActivityFailureCaught_OrchestratorSeesTypeMessageAndInner()
    {
        var result = await RunAsync(FailureScenario.Name, "caught");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(
            new FailureView(typeof(InvalidOperationException).FullName!, "outer: caught", new FailureView(typeof(FormatException).FullName!, "inner cause", null)),
            result.ReadOutputAs<FailureView>());
    }

    [SkippableFact]
    public async Task NonDeterminism_CodeChangedUnderARunningInstance_ReplayFailsTheInstance()
    {
        var id = await StartAsync(NonDeterminismScenario.Name, "x");
        await Calls.WaitForAsync(id, Mark.Name);
        await WaitForStatusAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        NonDeterminismScenario.Redeployed[id] = true;

        await Client.RaiseEventAsync(id, "go", "now");
        var result = await CompleteAsync(id);

        AssertFailed(result, FailWithInner.Name, failure => Assert.Contains("NonDeterministic", failure.ErrorType, StringComparison.Ordinal));

        // Difference (docs/runtime.md): ours fails before anything of the diverged episode runs; Microsoft's engine
        // has already dispatched the diverging activity call when it records the failure.
        if (Kind == EngineKind.OurRuntime)
        {
            Assert.Equal([Mark.Name], Calls.Of(id));
        }
    }
}
