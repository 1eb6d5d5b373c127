using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Orchestrations.Workflows;
using Serverless.Runtime.History;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>Transaction (two-phase commit) and sub-workflow steps end to end.</summary>
public sealed class TransactionAndSubWorkflowTests
{
    private const string Transfer = """
        { "name": "transfer", "version": 1, "steps": [
            { "id": "move", "kind": "transaction", "participants": [
                { "name": "debit", "prepare": { "activity": "prep", "input": "debit" },
                  "commit": { "activity": "commit", "input": "{{item}}" }, "abort": { "activity": "abort", "input": "{{item}}" } },
                { "name": "credit", "prepare": { "activity": "prep", "input": "{{input.credit}}" },
                  "commit": { "activity": "commit", "input": "{{item}}" }, "abort": { "activity": "abort", "input": "{{item}}" } } ] } ] }
        """;

    private readonly ConcurrentQueue<string> _log = new();

    [Fact]
    public async Task RunWorkflow_AllPrepare_CommitsEveryParticipantWithItsPrepareOutput()
    {
        await using var host = await WorkflowTestHost.StartAsync(Register);
        var result = await host.RunAsync(Transfer, new { credit = "credit" });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["prep debit", "prep credit", "commit debit-token", "commit credit-token"], _log);
        Assert.Equal("credit-token", result.ReadOutputAs<WorkflowRunOutput>()!.Output!["credit"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_PrepareFails_AbortsOnlyThePreparedAndFails()
    {
        await using var host = await WorkflowTestHost.StartAsync(Register);
        var result = await host.RunAsync(Transfer, new { credit = "refuse" });

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(["prep debit", "prep refuse", "abort debit-token"], _log);
        Assert.Contains("participant 'credit' failed to prepare (refused)", result.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task RunWorkflow_CommitFailsAfterPrepare_CommitsTheRestAndReportsInDoubt()
    {
        await using var host = await WorkflowTestHost.StartAsync(Register);
        var result = await host.RunAsync(Transfer.Replace("\"input\": \"debit\"", "\"input\": \"nocommit\"", StringComparison.Ordinal), new { credit = "credit" }, "tx-3");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("commit failed for 'debit' (commit refused) after every participant prepared; committed: [credit]", result.FailureDetails!.ErrorMessage);
        Assert.Contains("commit credit-token", _log);
        var audited = (await host.TrailAsync("tx-3")).Single(r => r.Entry.EventType == WorkflowEventTypes.TransactionCommitFailed);
        Assert.Equal("debit", JsonNode.Parse(audited.Entry.DetailsJson!)!["participant"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_SubWorkflow_RunsThePinnedVersionUnderADeterministicChildId()
    {
        await using var host = await WorkflowTestHost.StartAsync(Register);
        host.Publish("""{ "name": "child", "version": 1, "steps": [ { "id": "c", "kind": "activity", "activity": "echo", "input": "v1 {{input.x}}" } ] }""");
        host.Publish("""{ "name": "child", "version": 2, "steps": [ { "id": "c", "kind": "activity", "activity": "echo", "input": "v2 {{input.x}}" } ] }""");
        var parent = host.Publish("""
            { "name": "parent", "version": 1, "steps": [
                { "id": "call", "kind": "workflow", "workflow": "child", "version": 1, "input": { "x": "{{input.x}}" } } ] }
            """);

        var result = await host.CompleteAsync(await host.StartAsync(parent, new { x = 7 }, "parent-1"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("v1 7", result.ReadOutputAs<WorkflowRunOutput>()!.Output!.GetValue<string>());
        var created = (await host.Runtime.GetHistoryAsync("parent-1")).OfType<SubOrchestrationCreated>().Single();
        Assert.StartsWith("parent-1:call:", created.InstanceId, StringComparison.Ordinal);
        Assert.Equal(WorkflowRunInput.OrchestratorName, created.Name);
    }

    [Fact]
    public async Task RunWorkflow_SubWorkflowFails_ParentStepFailsWithChildCause()
    {
        await using var host = await WorkflowTestHost.StartAsync(Register);
        host.Publish("""{ "name": "badchild", "version": 1, "steps": [ { "id": "c", "kind": "activity", "activity": "fail", "input": { "message": "child broke" } } ] }""");
        var result = await host.RunAsync("""
            { "name": "parent2", "version": 1, "steps": [ { "id": "call", "kind": "workflow", "workflow": "badchild", "version": 1 } ] }
            """);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("failed at step 'call'", result.FailureDetails!.ErrorMessage);
        Assert.Contains("child broke", result.FailureDetails.ErrorMessage);
    }

    private void Register(Serverless.Runtime.Registration.TaskRegistry registry) => registry
        .AddJson("prep", i =>
        {
            var name = i!.GetValue<string>();
            _log.Enqueue("prep " + name);
            return name == "refuse" ? throw new InvalidOperationException("refused") : JsonValue.Create(name + "-token");
        })
        .AddJson("commit", i =>
        {
            var token = i!.GetValue<string>();
            if (token.StartsWith("nocommit", StringComparison.Ordinal))
                throw new InvalidOperationException("commit refused");
            _log.Enqueue("commit " + token);
            return null;
        })
        .AddJson("abort", i =>
        {
            _log.Enqueue("abort " + i!.GetValue<string>());
            return null;
        });
}
