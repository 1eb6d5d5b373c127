using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Orchestrations.Workflows;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>onFailure: compensate — the stack unwinds newest first, across parallel and foreach bodies.</summary>
public sealed class CompensationTests
{
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentDictionary<string, bool> _held = new();

    [Fact]
    public async Task RunWorkflow_FailureAfterSteps_CompensatesInReverseCompletionOrderAndLeavesNothingHeld()
    {
        await using var host = await WorkflowTestHost.StartAsync(Register);
        var result = await host.RunAsync("""
            { "name": "saga", "version": 1, "onFailure": "compensate", "steps": [
                { "id": "a", "kind": "activity", "activity": "hold", "input": "a", "compensate": { "activity": "release", "input": "{{steps.a.output}}" } },
                { "id": "b", "kind": "activity", "activity": "hold", "input": "b", "compensate": { "activity": "release", "input": "{{steps.b.output}}" } },
                { "id": "c", "kind": "activity", "activity": "fail", "input": { "message": "card declined" } } ] }
            """, instanceId: "saga-1");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("failed at step 'c': card declined", result.FailureDetails!.ErrorMessage);
        Assert.Contains("Compensated: [b, a]", result.FailureDetails.ErrorMessage);
        Assert.Equal(["hold a", "hold b", "release b", "release a"], _log);
        Assert.DoesNotContain(_held, h => h.Value);
        var events = (await host.TrailAsync("saga-1")).Select(r => r.Entry.EventType).ToList();
        Assert.Equal(
            [WorkflowEventTypes.CompensationStarted, WorkflowEventTypes.CompensationCompleted, WorkflowEventTypes.CompensationCompleted, WorkflowEventTypes.WorkflowFailed],
            events.SkipWhile(e => e != WorkflowEventTypes.CompensationStarted));
        Assert.Equal(new WorkflowProgress(2, 3, "c", WorkflowPhases.Failed), result.ReadCustomStatusAs<WorkflowProgress>());
    }

    [Fact]
    public async Task RunWorkflow_CompletedParallelAndForeachBodies_AreCompensatedToo()
    {
        await using var host = await WorkflowTestHost.StartAsync(Register);
        var result = await host.RunAsync("""
            { "name": "wide", "version": 1, "onFailure": "compensate", "steps": [
                { "id": "both", "kind": "parallel", "branches": [
                    { "name": "x", "steps": [ { "id": "px", "kind": "activity", "activity": "hold", "input": "px", "compensate": { "activity": "release", "input": "px" } } ] },
                    { "name": "y", "steps": [ { "id": "py", "kind": "activity", "activity": "hold", "input": "py", "compensate": { "activity": "release", "input": "py" } } ] } ] },
                { "id": "each", "kind": "foreach", "items": "['f1', 'f2', 'f3']", "maxConcurrency": 1,
                  "steps": [ { "id": "fi", "kind": "activity", "activity": "hold", "input": "{{item}}", "compensate": { "activity": "release", "input": "{{item}}" } } ] },
                { "id": "boom", "kind": "activity", "activity": "fail" } ] }
            """);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(5, _held.Count);
        Assert.DoesNotContain(_held, h => h.Value);
        var releases = _log.Where(l => l.StartsWith("release", StringComparison.Ordinal)).ToList();
        Assert.Equal(["release f3", "release f2", "release f1"], releases.Take(3));
    }

    [Fact]
    public async Task RunWorkflow_CompensationFails_RestStillRunAndFailureListsIt()
    {
        await using var host = await WorkflowTestHost.StartAsync(r =>
        {
            Register(r);
            r.AddJson("brokenRelease", _ => throw new InvalidOperationException("release service down"));
        });
        var result = await host.RunAsync("""
            { "name": "saga2", "version": 1, "onFailure": "compensate", "steps": [
                { "id": "a", "kind": "activity", "activity": "hold", "input": "a", "compensate": { "activity": "release", "input": "a" } },
                { "id": "b", "kind": "activity", "activity": "hold", "input": "b", "compensate": { "activity": "brokenRelease", "input": "b" } },
                { "id": "c", "kind": "activity", "activity": "fail" } ] }
            """, instanceId: "saga-2");

        Assert.Contains("Compensated: [a]. Compensation failed: [b (release service down)]", result.FailureDetails!.ErrorMessage);
        Assert.False(_held["a"]);
        Assert.Contains((await host.TrailAsync("saga-2")), r => r.Entry.EventType == WorkflowEventTypes.CompensationFailed && r.Entry.Step == "b");
    }

    [Fact]
    public async Task RunWorkflow_FailureAfterLoopContinuedAsNew_CompensatesStepsFromEarlierExecutions()
    {
        await using var host = await WorkflowTestHost.StartAsync(Register, WorkflowTestHost.FastOptions with { LoopIterationsPerExecution = 2 });
        var result = await host.RunAsync("""
            { "name": "longsaga", "version": 1, "onFailure": "compensate", "steps": [
                { "id": "a", "kind": "activity", "activity": "hold", "input": "a", "compensate": { "activity": "release", "input": "{{steps.a.output}}" } },
                { "id": "spin", "kind": "loop", "maxIterations": 7, "onMaxIterations": "continue", "while": "true",
                  "steps": [ { "id": "tick", "kind": "activity", "activity": "hold", "input": "t{{index}}", "compensate": { "activity": "release", "input": "t{{index}}" } } ] },
                { "id": "boom", "kind": "activity", "activity": "fail" } ] }
            """, instanceId: "longsaga-1");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(8, _held.Count);
        Assert.DoesNotContain(_held, h => h.Value);
        Assert.Equal(["release t6", "release t5", "release t4", "release t3", "release t2", "release t1", "release t0", "release a"],
            _log.Where(l => l.StartsWith("release", StringComparison.Ordinal)));
        Assert.Equal(3, (await host.TrailAsync("longsaga-1")).Count(r => r.Entry.EventType == WorkflowEventTypes.WorkflowContinued));
    }

    [Fact]
    public async Task RunWorkflow_OnFailureFail_RunsNoCompensation()
    {
        await using var host = await WorkflowTestHost.StartAsync(Register);
        var result = await host.RunAsync("""
            { "name": "plain", "version": 1, "steps": [
                { "id": "a", "kind": "activity", "activity": "hold", "input": "a", "compensate": { "activity": "release", "input": "a" } },
                { "id": "c", "kind": "activity", "activity": "fail" } ] }
            """);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(["hold a"], _log);
    }

    private void Register(Serverless.Runtime.Registration.TaskRegistry registry) => registry
        .AddJson("hold", i =>
        {
            var key = i!.GetValue<string>();
            _log.Enqueue("hold " + key);
            _held[key] = true;
            return JsonValue.Create(key);
        })
        .AddJson("release", i =>
        {
            var key = i!.GetValue<string>();
            _log.Enqueue("release " + key);
            _held[key] = false;
            return null;
        });
}
