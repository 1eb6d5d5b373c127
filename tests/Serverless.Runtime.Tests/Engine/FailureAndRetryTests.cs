using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;

namespace Serverless.Runtime.Tests.Engine;

public class FailureAndRetryTests : EngineTestBase
{
    [Fact]
    public async Task Activity_Throws_OrchestratorCatchesTaskFailedExceptionWithDetails()
    {
        var registry = new TaskRegistry()
            .AddActivityFunc<string, string>("Boom", string (TaskActivityContext _, string _) => throw new InvalidOperationException("card declined"))
            .AddOrchestratorFunc<string>("Catcher", async ctx =>
            {
                try
                {
                    await ctx.CallActivityAsync<string>("Boom", "x");
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}|{ex.FailureDetails.IsCausedBy<InvalidOperationException>()}";
                }
            });
        await using var runtime = await StartAsync(registry);

        var result = await runtime.RunAsync("Catcher");

        Assert.Equal("Boom|System.InvalidOperationException|card declined|True", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Activity_ThrowsUnhandled_InstanceFailsWithFailureDetails()
    {
        var registry = new TaskRegistry()
            .AddActivityFunc<string, string>("Boom", string (TaskActivityContext _, string _) => throw new InvalidOperationException("card declined"))
            .AddOrchestratorFunc<string>("Uncaught", ctx => ctx.CallActivityAsync<string>("Boom", "x"));
        await using var runtime = await StartAsync(registry);

        var result = await runtime.RunAsync("Uncaught");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.NotNull(result.FailureDetails);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails.ErrorType);
        Assert.Equal("card declined", result.FailureDetails.InnerFailure?.ErrorMessage);
    }

    [Fact]
    public async Task UnknownActivity_FailsTheCallWithAClearMessage()
    {
        var registry = new TaskRegistry().AddOrchestratorFunc<string>("CallsNothing", ctx => ctx.CallActivityAsync<string>("DoesNotExist"));
        await using var runtime = await StartAsync(registry);

        var result = await runtime.RunAsync("CallsNothing");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("No activity named 'DoesNotExist'", result.FailureDetails!.InnerFailure!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryPolicy_FlakyActivity_RetriesWithBackoffOnDurableTimers()
    {
        var clock = RuntimeHarness.NewClock();
        var calls = 0;
        var policy = new RetryPolicy(4, TimeSpan.FromSeconds(10), backoffCoefficient: 2.0);
        var registry = new TaskRegistry()
            .AddActivityFunc<string, string>("Flaky", (_, _) => Interlocked.Increment(ref calls) < 4 ? throw new TimeoutException("try again") : "ok")
            .AddOrchestratorFunc<string>("Retrying", ctx => ctx.CallActivityAsync<string>("Flaky", "x", TaskOptions.FromRetryPolicy(policy)));
        await using var runtime = await StartAsync(registry, time: clock);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Retrying");
        for (var retry = 1; retry <= 3; retry++)
        {
            await runtime.WaitForTimersAsync(id, retry);
            clock.Advance(Serverless.Runtime.Execution.RetryLoop.DelayBefore(policy, retry));
        }

        var result = await runtime.CompleteAsync(id);
        var history = await runtime.GetHistoryAsync(id);
        var attempts = history.OfType<TaskScheduled>().Select(t => t.Timestamp).ToList();
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();

        Assert.Equal("ok", result.ReadOutputAs<string>());
        Assert.Equal(4, calls);
        Assert.Equal(4, attempts.Count);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)], gaps);
    }

    [Fact]
    public async Task RetryPolicy_AlwaysFails_StopsAfterMaxAttemptsAndFails()
    {
        var clock = RuntimeHarness.NewClock();
        var calls = 0;
        var policy = new RetryPolicy(2, TimeSpan.FromMinutes(1));
        var registry = new TaskRegistry()
            .AddActivityFunc<string, string>("Broken", string (TaskActivityContext _, string _) =>
            {
                Interlocked.Increment(ref calls);
                throw new InvalidOperationException("down");
            })
            .AddOrchestratorFunc<string>("GivesUp", ctx => ctx.CallActivityAsync<string>("Broken", "x", TaskOptions.FromRetryPolicy(policy)));
        await using var runtime = await StartAsync(registry, time: clock);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("GivesUp");
        await runtime.WaitForTimersAsync(id);
        clock.Advance(TimeSpan.FromMinutes(1));
        var result = await runtime.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RetryPolicy_HandleFailureRejects_DoesNotRetry()
    {
        var calls = 0;
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = f => !f.IsCausedBy<ArgumentException>() };
        var registry = new TaskRegistry()
            .AddActivityFunc<string, string>("BadInput", string (TaskActivityContext _, string _) =>
            {
                Interlocked.Increment(ref calls);
                throw new ArgumentException("bad input");
            })
            .AddOrchestratorFunc<string>("NoRetry", ctx => ctx.CallActivityAsync<string>("BadInput", "x", TaskOptions.FromRetryPolicy(policy)));
        await using var runtime = await StartAsync(registry);

        var result = await runtime.RunAsync("NoRetry");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RetryHandler_DecidesWithAttemptNumberAndDurableWaits()
    {
        var clock = RuntimeHarness.NewClock();
        var calls = 0;
        var seen = new List<int>();
        AsyncRetryHandler handler = async retry =>
        {
            seen.Add(retry.LastAttemptNumber);
            await retry.OrchestrationContext.CreateTimer(TimeSpan.FromSeconds(30), CancellationToken.None);
            return retry.LastAttemptNumber < 3 && retry.LastFailure.IsCausedBy<TimeoutException>();
        };
        var registry = new TaskRegistry()
            .AddActivityFunc<string, string>("Flaky", (_, _) => Interlocked.Increment(ref calls) < 3 ? throw new TimeoutException("again") : "ok")
            .AddOrchestratorFunc<string>("Handled", ctx => ctx.CallActivityAsync<string>("Flaky", "x", TaskOptions.FromRetryHandler(handler)));
        await using var runtime = await StartAsync(registry, time: clock);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Handled");
        for (var wait = 1; wait <= 2; wait++)
        {
            await runtime.WaitForTimersAsync(id, wait);
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        var result = await runtime.CompleteAsync(id);

        Assert.Equal("ok", result.ReadOutputAs<string>());
        Assert.Equal(3, calls);
        Assert.Equal([1, 2], seen.Distinct());
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(-1, 1.0)]
    public void RetryPolicy_NonPositiveAttempts_Throws(int attempts, double coefficient) =>
        Assert.Equal("maxNumberOfAttempts", Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(attempts, TimeSpan.FromSeconds(1), coefficient)).ParamName);

    [Fact]
    public void RetryPolicy_BadIntervals_ThrowNamingTheArgument()
    {
        Assert.Equal("firstRetryInterval", Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(1, TimeSpan.Zero)).ParamName);
        Assert.Equal("backoffCoefficient", Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(1, TimeSpan.FromSeconds(1), 0.5)).ParamName);
        Assert.Equal("maxRetryInterval", Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(1, TimeSpan.FromSeconds(2), 1, TimeSpan.FromSeconds(1))).ParamName);
        Assert.Equal("retryTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(1, TimeSpan.FromSeconds(2), 1, null, TimeSpan.FromSeconds(1))).ParamName);
    }

    [Fact]
    public void RetryPolicy_Delay_IsCappedByMaxRetryInterval()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(1), 3, TimeSpan.FromSeconds(20));

        Assert.Equal([1, 3, 9, 20, 20], Enumerable.Range(1, 5).Select(n => Serverless.Runtime.Execution.RetryLoop.DelayBefore(policy, n).TotalSeconds));
    }
}
