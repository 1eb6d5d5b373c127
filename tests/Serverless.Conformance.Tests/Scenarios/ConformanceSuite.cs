using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Conformance.Tests.Engines;
using Serverless.Conformance.Tests.Orchestrators;

namespace Serverless.Conformance.Tests.Scenarios;

/// <summary>
/// One set of scenarios, run unchanged on every engine (a derived class per engine). Each asserts what Microsoft's
/// engine does; where our runtime differs on purpose the test says so through <see cref="Kind"/>, and the difference
/// is listed in docs/runtime.md. Instances get unique ids, so the scenarios share one engine per class.
/// </summary>
public abstract partial class ConformanceSuite(EngineFixture fixture)
{
    /// <summary>The engine under test (skips the test where it cannot run).</summary>
    protected IConformanceEngine Engine => fixture.Engine;

    protected EngineKind Kind => Engine.Kind;

    protected DurableTaskClient Client => Engine.Client;

    protected CallLog Calls => Engine.Services.GetRequiredService<CallLog>();

    protected T Get<T>()
        where T : notnull => Engine.Services.GetRequiredService<T>();

    protected static string NewId(string scenario) => $"{scenario}-{Guid.NewGuid():N}";

    protected async Task<string> StartAsync(string orchestrator, object? input, string? instanceId = null) =>
        await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId ?? NewId(orchestrator)));

    protected async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input, string? instanceId = null) =>
        await CompleteAsync(await StartAsync(orchestrator, input, instanceId));

    protected async Task<OrchestrationMetadata> CompleteAsync(string instanceId)
    {
        using var limit = new CancellationTokenSource(Conditions.WaitLimit);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    /// <summary>
    /// Asserts a failed instance's failure details; on the AzureStorage engine, which does not return failure details
    /// for an instance (its instance table keeps only the failure's message, as the output; docs/runtime.md), asserts
    /// that message instead.
    /// </summary>
    protected void AssertFailed(OrchestrationMetadata result, string message, Action<FailureView> details)
    {
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        if (Kind == EngineKind.AzureStorage)
        {
            Assert.Null(result.FailureDetails);
            Assert.Contains(message, result.SerializedOutput, StringComparison.Ordinal);
            return;
        }

        var failure = FailureView.Of(result.FailureDetails)!;
        Assert.Contains(message, failure.ErrorMessage, StringComparison.Ordinal);
        details(failure);
    }

    /// <summary>Waits until the instance's status satisfies <paramref name="condition"/> (suspend and resume are asynchronous on every engine).</summary>
    protected Task<OrchestrationMetadata?> WaitForStatusAsync(string instanceId, Func<OrchestrationMetadata, bool> condition) =>
        Conditions.UntilAsync(
            () => Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true),
            m => m is not null && condition(m),
            $"instance {instanceId}");
}
