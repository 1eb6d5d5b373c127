using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable;
using Serverless.Runtime.Registration;

namespace Serverless.Runtime.Tests.Engine;

public class LimitsAndRegistrationTests : EngineTestBase
{
    private static readonly RuntimeLimits SmallLimits = new() { MaxPayloadBytes = 1_000, MaxHistoryEvents = 40, MaxActionsPerEpisode = 5 };

    private static TaskRegistry Registry() => new TaskRegistry()
        .AddActivityFunc<string, string>("Echo", (_, x) => x)
        .AddActivityFunc<int, string>("Big", (_, n) => new string('x', n))
        .AddOrchestratorFunc<int, string>("SendsBigInput", (ctx, n) => ctx.CallActivityAsync<string>("Echo", new string('y', n)))
        .AddOrchestratorFunc<int, string>("GetsBigResult", (ctx, n) => ctx.CallActivityAsync<string>("Big", n))
        .AddOrchestratorFunc<int, int>("WideFanOut", async (ctx, n) => (await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<string>("Echo", "a")))).Length)
        .AddOrchestratorFunc<int, int>("LongChain", async (ctx, n) =>
        {
            for (var i = 0; i < n; i++)
            {
                await ctx.CallActivityAsync<string>("Echo", "a");
            }

            return n;
        });

    [Fact]
    public async Task Schedule_InputPastPayloadLimit_ThrowsAndCreatesNothing()
    {
        await using var runtime = await StartAsync(Registry(), limits: SmallLimits);

        var error = await Assert.ThrowsAsync<DurableLimitExceededException>(
            () => runtime.Client.ScheduleNewOrchestrationInstanceAsync("LongChain", new string('z', 2_000), new StartOrchestrationOptions("big")));

        Assert.Equal(nameof(RuntimeLimits.MaxPayloadBytes), error.LimitName);
        Assert.Null(await runtime.Client.GetInstanceAsync("big"));
    }

    [Fact]
    public async Task ActivityInputPastLimit_FailsTheOrchestrationWithTheLimitError()
    {
        await using var runtime = await StartAsync(Registry(), limits: SmallLimits);

        var result = await runtime.RunAsync("SendsBigInput", 2_000);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(DurableLimitExceededException).FullName, result.FailureDetails!.ErrorType);
    }

    [Fact]
    public async Task ActivityResultPastLimit_FailsTheTaskWithTheLimitError()
    {
        await using var runtime = await StartAsync(Registry(), limits: SmallLimits);

        var result = await runtime.RunAsync("GetsBigResult", 2_000);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(DurableLimitExceededException).FullName, result.FailureDetails!.InnerFailure!.ErrorType);
    }

    [Fact]
    public async Task FanOutPastActionLimit_FailsTheOrchestration()
    {
        await using var runtime = await StartAsync(Registry(), limits: SmallLimits);

        var result = await runtime.RunAsync("WideFanOut", 6);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains(nameof(RuntimeLimits.MaxActionsPerEpisode), result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryPastLimit_FailsTheOrchestration()
    {
        await using var runtime = await StartAsync(Registry(), limits: SmallLimits);

        var withinLimit = await runtime.RunAsync("LongChain", 5);
        var pastLimit = await runtime.RunAsync("LongChain", 50);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, withinLimit.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, pastLimit.RuntimeStatus);
        Assert.Contains(nameof(RuntimeLimits.MaxHistoryEvents), pastLimit.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_SameNameTwice_ThrowsCaseInsensitively()
    {
        var registry = new TaskRegistry().AddActivityFunc<string, string>("Echo", (_, x) => x);

        Assert.Throws<ArgumentException>(() => registry.AddActivityFunc<string, string>("ECHO", (_, x) => x));
    }

    [Fact]
    public async Task ClassForm_ResolvesConstructorDependenciesFromTheContainer()
    {
        var services = new ServiceCollection().AddSingleton(new Greeting("Howdy")).BuildServiceProvider();
        var registry = new TaskRegistry().AddActivity<GreetActivity>().AddOrchestrator<GreetOrchestrator>();
        await using var runtime = await DurableRuntime.StartAsync(
            new DurableRuntimeOptions { Store = NewStore() }, registry, services);

        var result = await runtime.RunAsync(nameof(GreetOrchestrator), "Ada");

        Assert.Equal("Howdy Ada", result.ReadOutputAs<string>());
    }

    [Fact]
    public void HostJson_DurableTaskSection_ConfiguresHubAndConcurrency()
    {
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "version": "2.0",
              "extensions": { "durableTask": { "hubName": "%TASKHUB_NAME%", "maxConcurrentActivityFunctions": 7, "maxConcurrentOrchestratorFunctions": 3 } } }
            """);
        try
        {
            var options = HostJsonSettings.Apply(path, new DurableRuntimeOptions(), name => name == "TASKHUB_NAME" ? "OrdersHub" : null);

            Assert.Equal("OrdersHub", options.HubName);
            Assert.Equal(7, options.MaxConcurrentActivityFunctions);
            Assert.Equal(3, options.MaxConcurrentOrchestratorFunctions);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void HostJson_BadValue_ThrowsInvalidDataNamingTheSetting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "extensions": { "durableTask": { "maxConcurrentActivityFunctions": "ten" } } }""");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => HostJsonSettings.Apply(path, new DurableRuntimeOptions(), _ => null));

            Assert.Contains("maxConcurrentActivityFunctions", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public sealed record Greeting(string Word);

    public sealed class GreetActivity(Greeting greeting) : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"{greeting.Word} {input}");
    }

    public sealed class GreetOrchestrator : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            context.CallActivityAsync<string>(nameof(GreetActivity), input);
    }
}
