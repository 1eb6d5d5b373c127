using Microsoft.DurableTask.Client;
using Serverless.Runtime.Registration;

namespace Serverless.Runtime.Tests.Engine;

public class PatternTests : EngineTestBase
{
    private static TaskRegistry Registry() => new TaskRegistry()
        .AddActivityFunc<string, string>("Hello", (_, name) => $"Hello {name}")
        .AddActivityFunc<int, int>("Square", (_, x) => x * x)
        .AddOrchestratorFunc<string[], List<string>>("Chain", async (ctx, names) =>
        {
            var results = new List<string>();
            foreach (var name in names)
            {
                results.Add(await ctx.CallActivityAsync<string>("Hello", name));
            }

            return results;
        })
        .AddOrchestratorFunc<int, int>("FanOut", async (ctx, n) =>
        {
            var squares = await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)));
            return squares.Sum();
        });

    [Theory]
    [InlineData(10_000)]
    [InlineData(0)]
    public async Task Chain_ThreeActivities_ReturnsResultsInOrder(int cacheSize)
    {
        await using var runtime = await StartAsync(Registry(), cacheSize: cacheSize);

        var result = await runtime.RunAsync("Chain", new[] { "Tokyo", "Seattle", "London" });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["Hello Tokyo", "Hello Seattle", "Hello London"], result.ReadOutputAs<List<string>>());
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(0)]
    public async Task FanOut_HundredActivities_AggregatesEveryResult(int cacheSize)
    {
        await using var runtime = await StartAsync(Registry(), cacheSize: cacheSize);

        var result = await runtime.RunAsync("FanOut", 100);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 100).Sum(i => i * i), result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Chain_History_RecordsEveryStepOnce()
    {
        await using var runtime = await StartAsync(Registry());

        var result = await runtime.RunAsync("Chain", new[] { "a", "b" });
        var history = await runtime.GetHistoryAsync(result.InstanceId);

        Assert.Equal(2, history.OfType<Serverless.Runtime.History.TaskScheduled>().Count());
        Assert.Equal(2, history.OfType<Serverless.Runtime.History.TaskCompleted>().Count());
        Assert.Single(history.OfType<Serverless.Runtime.History.ExecutionStarted>());
        Assert.IsType<Serverless.Runtime.History.ExecutionCompleted>(history[^1]);
    }
}
