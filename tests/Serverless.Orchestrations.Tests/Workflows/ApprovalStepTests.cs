using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Serverless.Activities.Approvals;
using Serverless.Approvals;
using Serverless.Orchestrations.Workflows;
using Serverless.Runtime.History;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>Approval steps driven by raising <c>approval:&lt;step&gt;</c> events through the client, on a fake clock.</summary>
public sealed class ApprovalStepTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Approval_QuorumOfDistinctListedApprovers_ApprovesAndIgnoresOthers()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish(Definition("""
            "approvers": ["alice", "bob", "carol"], "quorum": 2, "timeout": "P1D", "request": { "subject": "Buy {{input.item}}" }
            """)), new { item = "laptop" }, "approve-1");

        await Decide(host, id, "mallory", true);
        await Decide(host, id, "alice", true);
        await Decide(host, id, "ALICE", true);
        await Decide(host, id, "bob", true);
        var result = await host.CompleteAsync(id);

        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal("approved", output["decision"]!.GetValue<string>());
        Assert.Equal("""["alice","bob"]""", output["decidedBy"]!.ToJsonString());
        Assert.False(output["timedOut"]!.GetValue<bool>());
        var inbox = (await host.Inbox.GetAsync(id, "decide"))!;
        Assert.Equal("Buy laptop", inbox.Request.Title);
        Assert.Equal((ApprovalStatus.Closed, "approved"), (inbox.Status, inbox.Outcome));
        var trail = await host.TrailAsync(id);
        Assert.Equal(2, trail.Count(r => r.Entry.EventType == WorkflowEventTypes.ApprovalIgnored));
        Assert.Equal(["alice", "bob"], trail.Where(r => r.Entry.EventType == WorkflowEventTypes.ApprovalDecided).Select(r => r.Entry.Actor));
    }

    [Fact]
    public async Task Approval_RawEventNamingListedApprover_IsIgnoredUntilTheInboxRecordsADecision()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish(Definition("""
            "approvers": ["alice", "bob"], "quorum": 1
            """)), instanceId: "raw-1");
        await host.WaitForCompletedAsync(id, RequestApproval.Name);

        await host.Client.RaiseEventAsync(id, ApprovalEvents.EventName("decide"), new ApprovalDecision("alice", true, "forged"));
        await host.WaitForCompletedAsync(id, ConfirmApprovalDecision.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        await host.DecideAsync(id, "decide", "bob", true);
        var result = await host.CompleteAsync(id);

        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal("approved", output["decision"]!.GetValue<string>());
        Assert.Equal("""["bob"]""", output["decidedBy"]!.ToJsonString());
        var trail = await host.TrailAsync(id);
        var ignored = Assert.Single(trail, r => r.Entry.EventType == WorkflowEventTypes.ApprovalIgnored);
        Assert.Contains("not recorded in the approvals inbox", ignored.Entry.DetailsJson, StringComparison.Ordinal);
        Assert.Equal(["bob"], trail.Where(r => r.Entry.EventType == WorkflowEventTypes.ApprovalDecided).Select(r => r.Entry.Actor));
    }

    [Fact]
    public async Task Approval_RejectionMakesQuorumUnreachable_RejectsAtOnce()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish(Definition("""
            "approvers": ["alice", "bob"], "quorum": 2
            """)));

        await Decide(host, id, "bob", false);
        var result = await host.CompleteAsync(id);

        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal("rejected", output["decision"]!.GetValue<string>());
        Assert.Equal("""["bob"]""", output["decidedBy"]!.ToJsonString());
    }

    [Fact]
    public async Task Approval_NoDecisionBeforeEscalation_NextLevelIsAskedAndMayDecide()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish(Definition("""
            "approvers": ["manager"], "timeout": "PT3H", "onTimeout": "reject",
            "escalation": [ { "after": "PT1H", "approvers": ["director"] }, { "after": "PT2H", "approvers": ["vp"] } ]
            """)), instanceId: "escalate-1");

        await Decide(host, id, "director", true);
        await host.WaitForHistoryAsync(id, h => h.OfType<EventRaised>().Any() && h.OfType<TimerCreated>().Any());
        await host.AdvanceAfterTimersAsync(id, 1, TimeSpan.FromHours(1));
        await host.WaitForHistoryAsync(id, h => h.OfType<TimerCreated>().Count() >= 2);
        await Decide(host, id, "director", true, level: 1);
        var result = await host.CompleteAsync(id);

        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal("approved", output["decision"]!.GetValue<string>());
        Assert.Equal("""["director"]""", output["decidedBy"]!.ToJsonString());
        var inbox = (await host.Inbox.GetAsync(id, "decide"))!;
        Assert.Equal(1, inbox.Request.Level);
        Assert.Equal(["manager", "director"], inbox.Request.Approvers);
        var trail = await host.TrailAsync(id);
        Assert.Equal(["0", "1"], trail.Where(r => r.Entry.EventType == WorkflowEventTypes.ApprovalRequested).Select(r => JsonNode.Parse(r.Entry.DetailsJson!)!["level"]!.ToJsonString()));
        Assert.Single(trail, r => r.Entry.EventType == WorkflowEventTypes.ApprovalEscalated);
        Assert.Single(trail, r => r.Entry.EventType == WorkflowEventTypes.ApprovalIgnored);
    }

    [Theory]
    [InlineData("approve", "approved")]
    [InlineData("reject", "rejected")]
    public async Task Approval_TimesOut_AppliesOnTimeoutDecision(string onTimeout, string expected)
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish(Definition($$"""
            "approvers": ["alice"], "timeout": "PT1H", "onTimeout": "{{onTimeout}}"
            """)));

        await host.AdvanceAfterTimersAsync(id, 1, TimeSpan.FromHours(1));
        var result = await host.CompleteAsync(id);

        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal(expected, output["decision"]!.GetValue<string>());
        Assert.True(output["timedOut"]!.GetValue<bool>());
        Assert.Equal("[]", output["decidedBy"]!.ToJsonString());
    }

    [Fact]
    public async Task Approval_TimesOutWithFail_FailsAndClosesTheInboxEntry()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish(Definition("""
            "approvers": ["alice"], "timeout": "PT1H"
            """)));

        await host.AdvanceAfterTimersAsync(id, 1, TimeSpan.FromHours(1));
        var result = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("failed at step 'decide': no decision within PT1H.", result.FailureDetails!.ErrorMessage);
        Assert.Equal("timedOut", (await host.Inbox.GetAsync(id, "decide"))!.Outcome);
    }

    private static string Definition(string approvalFields) => $$"""
        { "name": "approve", "version": 1, "steps": [
            { "id": "decide", "kind": "approval", {{approvalFields}} } ] }
        """;

    private static Task Decide(WorkflowTestHost host, string id, string approver, bool approved, int level = 0) =>
        host.DecideAsync(id, "decide", approver, approved, "ok", level);
}
