using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Serverless.Orchestrations.Workflows;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>Activity steps end to end on the embedded runtime: templating, retries, fallback, onError, timeouts.</summary>
public sealed class ActivityStepTests
{
    [Fact]
    public async Task RunWorkflow_TwoActivities_MapsOutputAndReportsProgress()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync("""
            { "name": "greet", "version": 1,
              "input": { "required": ["name"], "properties": { "name": { "type": "string" } } },
              "steps": [
                { "id": "hello", "kind": "activity", "activity": "echo", "input": { "text": "Hello {{input.name}}" } },
                { "id": "shout", "kind": "activity", "activity": "echo", "input": "{{steps.hello.output.text + '!'}}" }
              ],
              "output": { "greeting": "{{steps.shout.output}}", "instance": "{{instance.id}}" } }
            """, new { name = "Ada" }, "greet-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var output = result.ReadOutputAs<WorkflowRunOutput>()!;
        Assert.Equal("Hello Ada!", output.Output!["greeting"]!.GetValue<string>());
        Assert.Equal("greet-1", output.Output!["instance"]!.GetValue<string>());
        Assert.Equal(new WorkflowProgress(2, 2, null, WorkflowPhases.Completed), result.ReadCustomStatusAs<WorkflowProgress>());
    }

    [Fact]
    public async Task RunWorkflow_InputMissingRequiredField_FailsWithSchemaMessageAndRunsNoStep()
    {
        var calls = 0;
        await using var host = await WorkflowTestHost.StartAsync(r => r.AddJson("count", i =>
        {
            Interlocked.Increment(ref calls);
            return i;
        }));
        var result = await host.RunAsync("""
            { "name": "strict", "version": 1,
              "input": { "required": ["amount"], "properties": { "amount": { "type": "number" } } },
              "steps": [ { "id": "a", "kind": "activity", "activity": "count" } ] }
            """, new { amount = "ten" });

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("Input field 'amount' must be number, not string.", result.FailureDetails!.ErrorMessage);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task RunWorkflow_FlakyActivityWithRetry_SucceedsOnThirdAttemptAndRecordsRetries()
    {
        var attempts = 0;
        await using var host = await WorkflowTestHost.StartAsync(r => r.AddJson("flaky", _ =>
            Interlocked.Increment(ref attempts) < 3 ? throw new InvalidOperationException("not yet") : JsonValue.Create("ok")));
        var result = await host.RunAsync("""
            { "name": "retrying", "version": 1, "steps": [
                { "id": "call", "kind": "activity", "activity": "flaky", "retry": { "maxAttempts": 3, "initialInterval": "PT0.01S" } } ] }
            """, instanceId: "retry-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("ok", result.ReadOutputAs<WorkflowRunOutput>()!.Output!.GetValue<string>());
        Assert.Equal(3, attempts);
        var retries = (await host.TrailAsync("retry-1")).Where(r => r.Entry.EventType == WorkflowEventTypes.StepRetrying).ToList();
        Assert.Equal([2, 3], retries.Select(r => JsonNode.Parse(r.Entry.DetailsJson!)!["nextAttempt"]!.GetValue<int>()));
    }

    [Fact]
    public async Task RunWorkflow_FlakyActivityWithTimeoutAndRetry_EachAttemptRacedAndRetried()
    {
        var attempts = 0;
        await using var host = await WorkflowTestHost.StartAsync(r => r.AddJson("flaky", _ =>
            Interlocked.Increment(ref attempts) < 2 ? throw new InvalidOperationException("cold start") : JsonValue.Create("warm")));
        var result = await host.RunAsync("""
            { "name": "raced", "version": 1, "steps": [
                { "id": "call", "kind": "activity", "activity": "flaky", "timeout": "PT1H", "retry": { "maxAttempts": 2, "initialInterval": "PT0.01S" } } ] }
            """, instanceId: "raced-1");

        Assert.Equal("warm", result.ReadOutputAs<WorkflowRunOutput>()!.Output!.GetValue<string>());
        var history = await host.Runtime.GetHistoryAsync("raced-1");
        Assert.Equal(2, history.OfType<Serverless.Runtime.History.TaskScheduled>().Count(t => t.Name == "flaky"));
        var retry = Assert.Single(await host.TrailAsync("raced-1"), r => r.Entry.EventType == WorkflowEventTypes.StepRetrying);
        Assert.Equal("cold start", JsonNode.Parse(retry.Entry.DetailsJson!)!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_RetriesExhausted_FallbackOutputBecomesStepOutput()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync("""
            { "name": "fallback", "version": 1, "steps": [
                { "id": "primary", "kind": "activity", "activity": "fail", "input": { "message": "down" },
                  "retry": { "maxAttempts": 2, "initialInterval": "PT0.01S" },
                  "fallback": { "activity": "echo", "input": { "source": "cache" } } } ] }
            """);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("cache", result.ReadOutputAs<WorkflowRunOutput>()!.Output!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_OnErrorContinue_RecordsErrorAndRunsNextStep()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync("""
            { "name": "tolerant", "version": 1, "steps": [
                { "id": "risky", "kind": "activity", "activity": "fail", "input": { "message": "boom" }, "onError": "continue" },
                { "id": "after", "kind": "activity", "activity": "echo", "input": { "error": "{{steps.risky.error.message}}", "output": "{{steps.risky.output}}" } } ] }
            """);

        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal("boom", output["error"]!.GetValue<string>());
        Assert.Null(output["output"]);
    }

    [Fact]
    public async Task RunWorkflow_OnErrorGoto_SkipsToTargetWithNullOutputsForSkippedSteps()
    {
        var ran = new ConcurrentBag<string>();
        await using var host = await WorkflowTestHost.StartAsync(r => r.AddJson("mark", i =>
        {
            ran.Add(i!.GetValue<string>());
            return i;
        }));
        var result = await host.RunAsync("""
            { "name": "jumping", "version": 1, "steps": [
                { "id": "risky", "kind": "activity", "activity": "fail", "input": { "message": "failed" }, "onError": "goto", "goto": "recover" },
                { "id": "skipped", "kind": "activity", "activity": "mark", "input": "skipped" },
                { "id": "recover", "kind": "activity", "activity": "echo", "input": { "skipped": "{{steps.skipped.output}}", "why": "{{steps.risky.error.message}}" } } ] }
            """);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Empty(ran);
        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Null(output["skipped"]);
        Assert.Equal("failed", output["why"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_ActivitySlowerThanTimeout_TimerWinsAndStepFails()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var release = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await WorkflowTestHost.StartAsync(r => r.AddJsonAsync("slow", _ => release.Task), clock: clock);
        var id = await host.StartAsync(host.Publish("""
            { "name": "slowpoke", "version": 1, "steps": [
                { "id": "wait", "kind": "activity", "activity": "slow", "timeout": "PT5M", "onError": "continue" },
                { "id": "report", "kind": "activity", "activity": "echo", "input": "{{steps.wait.error.type}}: {{steps.wait.error.message}}" } ] }
            """));

        await host.AdvanceAfterTimersAsync(id, 1, TimeSpan.FromMinutes(5));
        var result = await host.CompleteAsync(id);
        release.SetResult(null);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("TimeoutException: 'slow' did not finish within PT5M.", result.ReadOutputAs<WorkflowRunOutput>()!.Output!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_TimedOutActivityStillHanging_WorkflowFailsWithoutWaitingForIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var release = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await WorkflowTestHost.StartAsync(r => r.AddJsonAsync("hang", _ => release.Task), clock: clock);
        var id = await host.StartAsync(host.Publish("""
            { "name": "hung", "version": 1, "onFailure": "compensate", "steps": [
                { "id": "stuck", "kind": "activity", "activity": "hang", "timeout": "PT1M" } ] }
            """));

        await host.AdvanceAfterTimersAsync(id, 1, TimeSpan.FromMinutes(1));
        var result = await host.CompleteAsync(id);
        release.SetResult(null);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("failed at step 'stuck': 'hang' did not finish within PT1M.", result.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task RunWorkflow_AssignExpressionFails_StepFailsNamingTheAssignment()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync("""
            { "name": "badassign", "version": 1, "steps": [
                { "id": "a", "kind": "activity", "activity": "echo", "input": "text", "assign": { "n": "{{steps.a.output - 1}}" } } ] }
            """);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("failed at step 'a': evaluating $.steps[0].assign.n:", result.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task RunWorkflow_ActivityFasterThanTimeout_CompletesWithoutTheClockMoving()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await WorkflowTestHost.StartAsync(clock: clock);
        var result = await host.RunAsync("""
            { "name": "quick", "version": 1, "steps": [
                { "id": "fast", "kind": "activity", "activity": "echo", "input": "{{now}}", "timeout": "PT1H" } ] }
            """);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("2026-01-01T09:00:00.000Z", result.ReadOutputAs<WorkflowRunOutput>()!.Output!.GetValue<string>());
    }
}
