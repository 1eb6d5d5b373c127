using System.Text.Json.Nodes;
using Serverless.Runtime.History;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Orchestrations.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Orchestrations.Tests.CodeFirst;

/// <summary>Sequential chain and fan-out/fan-in on the real runtime.</summary>
public sealed class ChainAndFanOutEndToEndTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("chain");
    private CodeFirstRuntime _runtime = null!;

    public async Task InitializeAsync() => _runtime = await CodeFirstRuntime.StartAsync(_folder, extra: registry => registry
        .AddActivityFunc<int, int>("double", (_, x) => x < 0 ? throw new ArgumentOutOfRangeException(nameof(x), x, "negative") : x * 2)
        .AddActivityFunc<int[], int>("sum", (_, xs) => xs.Sum())
        .AddActivityFunc<int, int>("inc", (_, x) => x + 1),
        activityWorkers: 8);

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task SequentialChain_ThreeSteps_PassesEachOutputToTheNext()
    {
        var input = new SequentialChainInput
        {
            Input = JsonValue.Create(5),
            Steps =
            [
                new ChainStep("first", new ActivityCall("double")),
                new ChainStep("second", new ActivityCall("double")),
                new ChainStep("report", new ActivityCall("echo", JsonNode.Parse("""{"start":"{{input}}","afterFirst":"{{steps.first.output}}","last":"{{steps.second.output}}"}"""))),
            ],
        };

        var result = await _runtime.RunAsync(SequentialChain.Name, input, "chain-ok");

        var output = result.ReadOutputAs<SequentialChainOutput>()!;
        Assert.True(output.Succeeded);
        Assert.Equal("""{"start":5,"afterFirst":10,"last":20}""", output.Output!.ToJsonString());
        var scheduled = (await _runtime.Runtime.GetHistoryAsync("chain-ok")).OfType<TaskScheduled>().Select(t => t.Name);
        Assert.Equal(["double", "double", "echo"], scheduled);
    }

    [Fact]
    public async Task SequentialChain_MiddleStepFails_StopsBeforeTheRest()
    {
        var input = new SequentialChainInput
        {
            Input = JsonValue.Create(1),
            Steps =
            [
                new ChainStep("first", new ActivityCall("double")),
                new ChainStep("boom", new ActivityCall("fail", JsonNode.Parse("""{"message":"stop here"}"""))),
                new ChainStep("never", new ActivityCall("double")),
            ],
        };

        var result = await _runtime.RunAsync(SequentialChain.Name, input, "chain-fails");

        var output = result.ReadOutputAs<SequentialChainOutput>()!;
        Assert.Equal((false, "boom"), (output.Succeeded, output.FailedStep));
        Assert.Equal(["first", "boom"], output.Steps.Select(s => s.Name));
        Assert.Equal("stop here", output.Steps[1].Error!.Message);
        Assert.Equal(["double", "fail"], (await _runtime.Runtime.GetHistoryAsync("chain-fails")).OfType<TaskScheduled>().Select(t => t.Name));
    }

    [Fact]
    public async Task SequentialChain_HundredSteps_CompletesWithEveryStepInOrder()
    {
        var input = new SequentialChainInput
        {
            Input = JsonValue.Create(0),
            Steps = [.. Enumerable.Range(0, 100).Select(i => new ChainStep($"s{i}", new ActivityCall("inc")))],
        };

        var result = await _runtime.RunAsync(SequentialChain.Name, input, "chain-100");

        var output = result.ReadOutputAs<SequentialChainOutput>()!;
        Assert.True(output.Succeeded);
        Assert.Equal(100, output.Output!.GetValue<int>());
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"s{i}"), output.Steps.Select(s => s.Name));
        Assert.Equal(new OrchestrationProgress("completed", null, 100, 100), result.ReadCustomStatusAs<OrchestrationProgress>());
    }

    [Fact]
    public async Task FanOutFanIn_CapOfThree_NeverHasMoreThanThreeCallsOutstanding()
    {
        var input = new FanOutFanInInput
        {
            Activity = "double",
            Items = [.. Enumerable.Range(1, 12).Select(i => (JsonNode?)JsonValue.Create(i))],
            MaxConcurrency = 3,
            AggregateActivity = "sum",
        };

        var result = await _runtime.RunAsync(FanOutFanIn.Name, input, "fan-capped");

        var output = result.ReadOutputAs<FanOutFanInOutput>()!;
        Assert.True(output.Succeeded);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => i * 2), output.Outputs.Select(o => o!.GetValue<int>()));
        Assert.Equal(156, output.Aggregate!.GetValue<int>());
        var history = await _runtime.Runtime.GetHistoryAsync("fan-capped");
        var (outstanding, peak) = (0, 0);
        foreach (var e in history)
        {
            outstanding += e switch { TaskScheduled t when t.Name == "double" => 1, TaskCompleted or TaskFailed => -1, _ => 0 };
            peak = Math.Max(peak, outstanding);
        }

        Assert.Equal(3, peak);
    }

    [Fact]
    public async Task FanOutFanIn_SomeItemsFailWithinAllowance_SucceedsAndReportsFailures()
    {
        var input = new FanOutFanInInput
        {
            Activity = "double",
            Items = [JsonValue.Create(1), JsonValue.Create(-1), JsonValue.Create(3), JsonValue.Create(-4)],
            MaxConcurrency = 2,
            MaxFailures = 2,
        };

        var result = await _runtime.RunAsync(FanOutFanIn.Name, input, "fan-partial");

        var output = result.ReadOutputAs<FanOutFanInOutput>()!;
        Assert.Equal((true, 2, 2, 0), (output.Succeeded, output.Completed, output.Failed, output.Skipped));
        Assert.Equal(["completed", "failed", "completed", "failed"], output.Items.Select(i => i.Status));
        Assert.Equal([2, 6], output.Outputs.Select(o => o!.GetValue<int>()));
    }

    [Fact]
    public async Task FanOutFanIn_FailFastOverAllowance_SkipsItemsNotYetStarted()
    {
        var input = new FanOutFanInInput
        {
            Activity = "double",
            Items = [JsonValue.Create(-1), JsonValue.Create(2), JsonValue.Create(3), JsonValue.Create(4)],
            MaxConcurrency = 1,
            FailurePolicy = PartialFailurePolicy.FailFast,
        };

        var result = await _runtime.RunAsync(FanOutFanIn.Name, input, "fan-failfast");

        var output = result.ReadOutputAs<FanOutFanInOutput>()!;
        Assert.Equal((false, 0, 1, 3), (output.Succeeded, output.Completed, output.Failed, output.Skipped));
        Assert.Single((await _runtime.Runtime.GetHistoryAsync("fan-failfast")).OfType<TaskScheduled>());
    }
}
