using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Orchestrations.Workflows;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>Parallel, foreach, switch and loop end to end on the embedded runtime.</summary>
public sealed class CompositeStepTests
{
    [Fact]
    public async Task RunWorkflow_ParallelBranches_JoinsLastOutputsByBranchName()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync("""
            { "name": "fan", "version": 1, "steps": [
                { "id": "both", "kind": "parallel", "branches": [
                    { "name": "left", "steps": [ { "id": "l1", "kind": "activity", "activity": "echo", "input": 1 },
                                                 { "id": "l2", "kind": "activity", "activity": "echo", "input": "{{steps.l1.output + 1}}" } ] },
                    { "name": "right", "steps": [ { "id": "r1", "kind": "activity", "activity": "echo", "input": "r" } ] } ] } ] }
            """);

        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal(2, output["left"]!.GetValue<int>());
        Assert.Equal("r", output["right"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_ParallelWaitAllWithFailingBranch_WaitsForOthersThenFails()
    {
        var slowDone = 0;
        await using var host = await WorkflowTestHost.StartAsync(r => r.AddJsonAsync("slowOk", async i =>
        {
            await Task.Yield();
            Interlocked.Increment(ref slowDone);
            return i;
        }));
        var result = await host.RunAsync("""
            { "name": "waitall", "version": 1, "steps": [
                { "id": "both", "kind": "parallel", "failurePolicy": "waitAll", "branches": [
                    { "name": "bad", "steps": [ { "id": "b1", "kind": "activity", "activity": "fail", "input": { "message": "bad branch" } } ] },
                    { "name": "good", "steps": [ { "id": "g1", "kind": "activity", "activity": "slowOk", "input": 1 },
                                                 { "id": "g2", "kind": "activity", "activity": "slowOk", "input": 2 } ] } ] } ] }
            """);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("failed at step 'b1': bad branch", result.FailureDetails!.ErrorMessage);
        Assert.Equal(2, slowDone);
    }

    [Fact]
    public async Task RunWorkflow_ParallelFailFastWhileOtherBranchWaits_FailsWithoutWaitingForIt()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync("""
            { "name": "failfast", "version": 1, "steps": [
                { "id": "both", "kind": "parallel", "failurePolicy": "failFast", "branches": [
                    { "name": "waiting", "steps": [ { "id": "w", "kind": "wait", "event": "never" },
                                                    { "id": "after", "kind": "activity", "activity": "echo" } ] },
                    { "name": "broken", "steps": [ { "id": "b", "kind": "activity", "activity": "fail", "input": { "message": "broken branch" } } ] } ] } ] }
            """, instanceId: "failfast-1");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("failed at step 'b': broken branch", result.FailureDetails!.ErrorMessage);
        var trail = await host.TrailAsync("failfast-1");
        Assert.DoesNotContain(trail, r => r.Entry.Step == "after");
        Assert.Contains(trail, r => r.Entry.Step == "both" && r.Entry.EventType == WorkflowEventTypes.StepFailed);
    }

    [Fact]
    public async Task RunWorkflow_ForeachWithMaxConcurrency_NeverExceedsCapAndKeepsItemOrder()
    {
        // Each call stays in flight until three are in flight at once (or every item has started), so the cap
        // is reached deterministically and any fourth concurrent call would show in the peak.
        var inFlight = 0;
        var started = 0;
        var peak = 0;
        var gate = new object();
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Signal()
        {
            var previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }

        await using var host = await WorkflowTestHost.StartAsync(r => r.AddJsonAsync("work", async i =>
        {
            lock (gate)
            {
                peak = Math.Max(peak, ++inFlight);
                started++;
                Signal();
            }

            while (true)
            {
                Task next;
                lock (gate)
                {
                    if (inFlight >= 3 || started == 12)
                        break;
                    next = changed.Task;
                }

                await next.WaitAsync(TimeSpan.FromSeconds(30));
            }

            lock (gate)
            {
                inFlight--;
                Signal();
            }

            return JsonValue.Create(i!.GetValue<int>() * 10);
        }));
        var result = await host.RunAsync("""
            { "name": "each", "version": 1, "steps": [
                { "id": "all", "kind": "foreach", "items": "input.items", "maxConcurrency": 3,
                  "steps": [ { "id": "one", "kind": "activity", "activity": "work", "input": "{{item}}" } ] } ] }
            """, new { items = Enumerable.Range(1, 12).ToArray() });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, peak);
        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!.AsArray();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => i * 10), output.Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public async Task RunWorkflow_ForeachBreakAndItemErrorContinue_StopsStartingAndNullsFailedItems()
    {
        await using var host = await WorkflowTestHost.StartAsync(r => r.AddJson("check", i =>
            i!.GetValue<int>() == 2 ? throw new InvalidOperationException("item 2 is bad") : i));
        var result = await host.RunAsync("""
            { "name": "each2", "version": 1, "steps": [
                { "id": "all", "kind": "foreach", "items": "input.items", "break": "item > 3", "onItemError": "continue",
                  "steps": [ { "id": "one", "kind": "activity", "activity": "check", "input": "{{item}}" } ] } ] }
            """, new { items = new[] { 1, 2, 3, 4, 5 } });

        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!.AsArray();
        Assert.Equal("[1,null,3]", output.ToJsonString());
    }

    [Fact]
    public async Task RunWorkflow_Switch_RunsFirstMatchingCaseElseDefault()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var definition = host.Publish("""
            { "name": "route", "version": 1, "steps": [
                { "id": "pick", "kind": "switch", "cases": [
                    { "when": "input.n > 10", "steps": [ { "id": "big", "kind": "activity", "activity": "echo", "input": "big" } ] },
                    { "when": "input.n > 5", "steps": [ { "id": "mid", "kind": "activity", "activity": "echo", "input": "mid" } ] } ],
                  "default": [ { "id": "small", "kind": "activity", "activity": "echo", "input": "small" } ] } ] }
            """);

        var outputs = new List<string>();
        foreach (var n in new[] { 20, 7, 1 })
        {
            var done = await host.CompleteAsync(await host.StartAsync(definition, new { n }));
            outputs.Add(done.ReadOutputAs<WorkflowRunOutput>()!.Output!.GetValue<string>());
        }

        Assert.Equal(["big", "mid", "small"], outputs);
    }

    [Fact]
    public async Task RunWorkflow_LoopUntilWithAssign_StopsWhenConditionHolds()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync("""
            { "name": "count", "version": 1, "vars": { "n": 0 }, "steps": [
                { "id": "again", "kind": "loop", "maxIterations": 10, "until": "vars.n >= 4",
                  "steps": [ { "id": "tick", "kind": "activity", "activity": "echo", "input": "{{index}}", "assign": { "n": "{{vars.n + 1}}" } } ] } ],
              "output": { "n": "{{vars.n}}", "last": "{{steps.again.output}}" } }
            """);

        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal(4, output["n"]!.GetValue<int>());
        Assert.Equal(3, output["last"]!.GetValue<int>());
    }

    [Fact]
    public async Task RunWorkflow_LoopHitsCapWithFail_FailsNamingTheCap()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync("""
            { "name": "capped", "version": 1, "steps": [
                { "id": "forever", "kind": "loop", "maxIterations": 3, "while": "true",
                  "steps": [ { "id": "tick", "kind": "activity", "activity": "echo" } ] } ] }
            """);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("the loop reached its cap of 3 iterations", result.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task RunWorkflow_LongTopLevelLoop_ContinuesAsNewAndKeepsHistoryBounded()
    {
        var options = WorkflowTestHost.FastOptions with { LoopIterationsPerExecution = 5 };
        await using var host = await WorkflowTestHost.StartAsync(options: options);
        var id = await host.StartAsync(host.Publish("""
            { "name": "long", "version": 1, "vars": { "sum": 0 }, "steps": [
                { "id": "first", "kind": "activity", "activity": "echo", "input": 100 },
                { "id": "spin", "kind": "loop", "maxIterations": 1000, "while": "index < 23",
                  "steps": [ { "id": "add", "kind": "activity", "activity": "echo", "input": "{{index}}", "assign": { "sum": "{{vars.sum + steps.add.output}}" } } ] } ],
              "output": { "sum": "{{vars.sum}}", "first": "{{steps.first.output}}" } }
            """), instanceId: "long-1");
        var result = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal(Enumerable.Range(0, 23).Sum(), output["sum"]!.GetValue<int>());
        Assert.Equal(100, output["first"]!.GetValue<int>());
        var history = await host.Runtime.GetHistoryAsync(id);
        Assert.True(history.OfType<Serverless.Runtime.History.TaskScheduled>().Count(t => t.Name == "echo") <= 5,
            "The last execution's history holds at most one execution's worth of loop iterations.");
        var trail = await host.TrailAsync(id);
        Assert.Equal(4, trail.Count(r => r.Entry.EventType == WorkflowEventTypes.WorkflowContinued));
        Assert.Equal(Enumerable.Range(1, trail.Count).Select(i => (long)i), trail.Select(r => JsonNode.Parse(r.Entry.DetailsJson!)!["sequence"]!.GetValue<long>()));
    }

    [Fact]
    public async Task RunWorkflow_HundredStepDefinition_CompletesWithEveryStepChained()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var steps = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"s{i}",
            ["kind"] = "activity",
            ["activity"] = "echo",
            ["input"] = i == 0 ? "{{input.n}}" : $"{{{{steps.s{i - 1}.output + 1}}}}",
        })]);
        var definition = new JsonObject { ["name"] = "hundred", ["version"] = 1, ["steps"] = steps }.ToJsonString();

        var result = await host.RunAsync(definition, new { n = 1 });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var output = result.ReadOutputAs<WorkflowRunOutput>()!;
        Assert.Equal(100, output.Output!.GetValue<int>());
        Assert.Equal(100, output.StepsCompleted);
        Assert.Equal(new WorkflowProgress(100, 100, null, WorkflowPhases.Completed), result.ReadCustomStatusAs<WorkflowProgress>());
    }
}
