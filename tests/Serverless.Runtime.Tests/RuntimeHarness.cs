using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.Memory;

namespace Serverless.Runtime.Tests;

/// <summary>Starts a runtime for one test and waits on conditions without sleeping.</summary>
internal static class RuntimeHarness
{
    /// <summary>How long any single wait in a test may take before the test fails.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    public static Task<DurableRuntime> StartAsync(TaskRegistry registry, IRuntimeStore? store = null, TimeProvider? time = null, int cacheSize = 10_000, RuntimeLimits? limits = null) =>
        DurableRuntime.StartAsync(
            new DurableRuntimeOptions
            {
                Store = store ?? new InMemoryRuntimeStore(),
                TimeProvider = time ?? TimeProvider.System,
                InstanceCacheSize = cacheSize,
                MaxConcurrentActivityFunctions = 4,
                MaxConcurrentOrchestratorFunctions = 4,
                LeaseDuration = TimeSpan.FromSeconds(5),
                PollInterval = TimeSpan.FromMilliseconds(100),
                Limits = limits ?? new RuntimeLimits(),
            },
            registry);

    /// <summary>A fake clock at a fixed, readable start time.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    public static async Task<OrchestrationMetadata> CompleteAsync(this DurableRuntime runtime, string instanceId)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        return await runtime.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    public static async Task<OrchestrationMetadata> RunAsync(this DurableRuntime runtime, string orchestrator, object? input = null, string? instanceId = null)
    {
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
        return await runtime.CompleteAsync(id);
    }

    /// <summary>Waits until the instance's history satisfies <paramref name="condition"/>; woken by each commit, never by a sleep.</summary>
    public static async Task<IReadOnlyList<HistoryEvent>> WaitForHistoryAsync(this DurableRuntime runtime, string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> condition)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        return await runtime.WaitForHistoryAsync(instanceId, condition, limit.Token);
    }

    /// <summary>Waits until the instance has a durable timer pending (it is waiting on the clock).</summary>
    public static Task WaitForTimersAsync(this DurableRuntime runtime, string instanceId, int count = 1) =>
        runtime.WaitForHistoryAsync(instanceId, h => h.OfType<TimerCreated>().Count() >= count);
}
