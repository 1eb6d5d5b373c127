using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Audit;
using Serverless.Orchestrations.Workflows;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>The domain-event stream in the audit trail, and a crash in the middle of a run.</summary>
public sealed class EventStreamAndRecoveryTests
{
    [Fact]
    public async Task RunWorkflow_Completes_WritesEachDomainEventOnceInOrderToAnIntactTrail()
    {
        await using var host = await WorkflowTestHost.StartAsync(options: WorkflowTestHost.FastOptions with { AuditBatchSize = 3 });
        await host.RunAsync("""
            { "name": "stream", "version": 2, "steps": [
                { "id": "a", "kind": "activity", "activity": "echo", "input": 1 },
                { "id": "b", "kind": "activity", "activity": "echo", "input": 2 } ] }
            """, instanceId: "stream-1");

        var trail = await host.TrailAsync("stream-1");

        Assert.Equal(
            [
                WorkflowEventTypes.WorkflowStarted,
                WorkflowEventTypes.StepScheduled, WorkflowEventTypes.StepCompleted,
                WorkflowEventTypes.StepScheduled, WorkflowEventTypes.StepCompleted,
                WorkflowEventTypes.WorkflowCompleted,
            ],
            trail.Select(r => r.Entry.EventType));
        Assert.Equal([null, "a", "a", "b", "b", null], trail.Select(r => r.Entry.Step));
        Assert.All(trail, r => Assert.Equal("2", r.Entry.WorkflowVersion));
        Assert.All(trail, r => Assert.Equal("tester", r.Entry.Actor));
        Assert.All(trail, r => Assert.Equal("corr-1", r.Entry.CorrelationId));
        Assert.Equal(trail.Select(r => r.Entry.Time).Order(), trail.Select(r => r.Entry.Time));
        Assert.True((await host.Trail.VerifyTrailAsync("stream-1")).IsIntact);
    }

    [Fact]
    public async Task RunWorkflow_AuditStepFirst_WorkflowStartedAndItsStepScheduledTakeTheFirstSequenceNumbers()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync(
            """{ "name": "audited", "version": 1, "steps": [ { "id": "record", "kind": "activity", "activity": "audit", "input": { "event": "expense.submitted", "amount": 5 } } ] }""",
            new { amount = 5 }, "audited-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var trail = await host.TrailAsync("audited-1");
        Assert.Equal(
            [WorkflowEventTypes.WorkflowStarted, WorkflowEventTypes.StepScheduled, "expense.submitted", WorkflowEventTypes.StepCompleted, WorkflowEventTypes.WorkflowCompleted],
            trail.Select(r => r.Entry.EventType));
        Assert.Equal(Enumerable.Range(1, trail.Count).Select(i => (long)i), trail.Select(r => r.Sequence));
    }

    [Fact]
    public async Task RunWorkflow_40KBInput_CompletesAndRecordsTheWholeInputInWorkflowStarted()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var blob = new string('x', 40_000);
        var result = await host.RunAsync("""{ "name": "big", "version": 1, "steps": [ { "id": "a", "kind": "activity", "activity": "echo", "input": 1 } ] }""",
            new { blob }, "big-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var started = (await host.TrailAsync("big-1")).First();
        Assert.Equal(WorkflowEventTypes.WorkflowStarted, started.Entry.EventType);
        Assert.Equal(blob, JsonNode.Parse(started.Entry.DetailsJson!)!["input"]!["blob"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_InputLargerThanAnAuditEntry_CompletesAndRecordsATruncatedStart()
    {
        // The start route refuses such inputs (413); a run started some other way must still not fail on its trail.
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync("""{ "name": "big", "version": 1, "steps": [ { "id": "a", "kind": "activity", "activity": "echo", "input": 1 } ] }""",
            new { blob = new string('x', AuditEntry.MaxDetailsChars) }, "big-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var started = (await host.TrailAsync("big-1")).First();
        Assert.Equal(WorkflowEventTypes.WorkflowStarted, started.Entry.EventType);
        Assert.True(JsonNode.Parse(started.Entry.DetailsJson!)!["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RunWorkflow_AuditDisabled_WritesNoTrail()
    {
        await using var host = await WorkflowTestHost.StartAsync(options: WorkflowTestHost.FastOptions with { AuditEnabled = false });
        var result = await host.RunAsync("""{ "name": "quiet", "version": 1, "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }""", instanceId: "quiet-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Empty(await host.TrailAsync("quiet-1"));
    }

    [Fact]
    public async Task RunWorkflow_ProcessCrashesMidRun_RestartedRuntimeCompletesWithEachEventOnce()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var frozen = new TaskCompletionSource<JsonNode?>();
        var crashed = false;
        await using var host = await WorkflowTestHost.StartAsync(
            r => r.AddJsonAsync("gate", input =>
            {
                if (Volatile.Read(ref crashed))
                    return Task.FromResult(input);
                entered.TrySetResult();
                return frozen.Task;
            }),
            WorkflowTestHost.FastOptions with { AuditBatchSize = 2 });
        var id = await host.StartAsync(host.Publish("""
            { "name": "durable", "version": 1, "steps": [
                { "id": "before", "kind": "activity", "activity": "echo", "input": "b" },
                { "id": "middle", "kind": "activity", "activity": "gate", "input": "{{steps.before.output + 'm'}}" },
                { "id": "after", "kind": "activity", "activity": "echo", "input": "{{steps.middle.output + 'a'}}" } ] }
            """), instanceId: "crash-1");

        await entered.Task.WaitAsync(WorkflowTestHost.WaitLimit);
        Volatile.Write(ref crashed, true);
        await host.CrashAndRestartAsync();
        var result = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("bma", result.ReadOutputAs<WorkflowRunOutput>()!.Output!.GetValue<string>());
        var trail = await host.TrailAsync(id);
        var sequences = trail.Select(r => JsonNode.Parse(r.Entry.DetailsJson!)!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.Single(trail, r => r.Entry.EventType == WorkflowEventTypes.WorkflowStarted);
        Assert.Single(trail, r => r.Entry.EventType == WorkflowEventTypes.StepCompleted && r.Entry.Step == "middle");
        Assert.True((await host.Trail.VerifyTrailAsync(id)).IsIntact);
    }
}
