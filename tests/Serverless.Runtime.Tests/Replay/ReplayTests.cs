using Microsoft.DurableTask.Client;
using Serverless.Runtime.Execution;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;

namespace Serverless.Runtime.Tests.Replay;

public class ReplayTests
{
    private static string StoredHistory => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Replay", "Histories", "order-v1.json"));

    [Fact]
    public void Replay_SameCode_AcceptsTheStoredHistory() =>
        OrchestrationReplayer.Replay(new OrderFlowV1(), StoredHistory);

    [Fact]
    public void Replay_ChangeAfterTheRecordedPart_IsCompatible() =>
        OrchestrationReplayer.Replay(new OrderFlowV1WithLogging(), StoredHistory);

    [Fact]
    public void Replay_ReorderedActivities_ReportsPositionExpectedAndActual()
    {
        var error = Assert.Throws<NonDeterministicOrchestrationException>(() => OrchestrationReplayer.Replay(new OrderFlowV2Reordered(), StoredHistory));

        Assert.Equal(2, error.Position);
        Assert.Equal("TaskScheduled 'Reserve' (task #0)", error.Expected);
        Assert.Equal("called activity 'Charge' as task #0", error.Actual);
        Assert.Contains("history position 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_RemovedTimer_ReportsTheMissingTimer()
    {
        var error = Assert.Throws<NonDeterministicOrchestrationException>(() => OrchestrationReplayer.Replay(new OrderFlowV2NoTimer(), StoredHistory));

        Assert.StartsWith("TimerCreated", error.Expected, StringComparison.Ordinal);
        Assert.Equal("called activity 'Charge' as task #1", error.Actual);
    }

    [Fact]
    public async Task Runtime_CodeChangedUnderARunningInstance_FailsItWithTheNonDeterminismError()
    {
        var clock = RuntimeHarness.NewClock();
        var useV2 = false;
        var registry = new TaskRegistry()
            .AddActivityFunc<string, string>("Reserve", (_, x) => $"R({x})")
            .AddActivityFunc<string, string>("Charge", (_, x) => $"C({x})")
            .AddOrchestrator("OrderFlow", _ => useV2 ? new OrderFlowV2Reordered() : new OrderFlowV1());
        await using var runtime = await RuntimeHarness.StartAsync(registry, time: clock, cacheSize: 0);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("OrderFlow", "book");
        await runtime.WaitForTimersAsync(id);
        useV2 = true;
        clock.Advance(TimeSpan.FromMinutes(5));
        var result = await runtime.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.FailureDetails!.ErrorType);
    }

    [Fact]
    public void Replay_HistoryWithoutStart_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => OrchestrationReplayer.Replay(new OrderFlowV1(), [new OrchestratorStarted(DateTime.UtcNow)]));

    [Fact(Skip = "Regenerates Histories/order-v1.json; run by hand after an intentional history format change.")]
    public async Task Regenerate_StoredHistory()
    {
        var clock = RuntimeHarness.NewClock();
        var registry = new TaskRegistry()
            .AddActivityFunc<string, string>("Reserve", (_, x) => $"R({x})")
            .AddActivityFunc<string, string>("Charge", (_, x) => $"C({x})")
            .AddOrchestrator<OrderFlowV1>("OrderFlow");
        await using var runtime = await RuntimeHarness.StartAsync(registry, time: clock);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("OrderFlow", "book");
        await runtime.WaitForTimersAsync(id);
        clock.Advance(TimeSpan.FromMinutes(5));
        await runtime.WaitForHistoryAsync(id, h => h.OfType<TaskScheduled>().Count() == 2);
        var history = await runtime.GetHistoryAsync(id);
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Replay", "Histories", "order-v1.json");
        await File.WriteAllTextAsync(path, HistoryJson.SerializeList(history));
    }
}
