using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Activities.Approvals;
using Serverless.Approvals;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Orchestrations.Tests.Infrastructure;

namespace Serverless.Orchestrations.Tests.CodeFirst;

/// <summary>The approval's control flow against the port (Moq): quorum, ignored decisions, escalation and timeouts.</summary>
public sealed class HumanApprovalTests
{
    private static readonly HumanApprovalInput s_input = new()
    {
        StepId = "approve",
        Title = "Laptop",
        NotifyApprovers = false,
        Levels =
        [
            new ApprovalLevel(["Ann", "Ben", "Cat"], TimeSpan.FromHours(1), Quorum: 2),
            new ApprovalLevel(["Dora"], TimeSpan.FromHours(2)),
            new ApprovalLevel(["Vic"], TimeSpan.FromHours(4)),
        ],
        OnApproved = new ActivityCall("echo", JsonNode.Parse("""{"ok":true}""")),
    };

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private static ScriptedContext Context() => new ScriptedContext()
        .On("RequestApproval", input => new ApprovalRecord(input.Deserialize<ApprovalRequest>(s_json)!, ApprovalStatus.Pending, [], null, null))
        .On("CloseApproval", _ => true)
        .On("notify", _ => new { id = "n" })
        .On("echo", input => input);

    private static Task<ApprovalDecision> Decide(string approver, bool approved = true) => Task.FromResult(new ApprovalDecision(approver, approved));

    [Fact]
    public async Task RunAsync_TwoListedApprovals_ApprovesIgnoringStrangersAndRepeats()
    {
        var context = Context();
        context.ScriptTimers();
        context.ScriptDecisions("approve", Decide("ann"), Decide("mallory"), Decide("ANN"), Decide("ben"));

        var output = await new HumanApproval().RunAsync(context.Object, s_input);

        Assert.Equal(("approved", 0, 2), (output.Decision, output.Level, output.Ignored));
        Assert.Equal(["ann", "ben"], output.DecidedBy);
        Assert.Equal(["RequestApproval", "ConfirmApprovalDecision", "ConfirmApprovalDecision", "CloseApproval", "echo"], context.CallNames);
        Assert.Equal("approved", context.Calls[3].Input!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_ListedRejection_RejectsAtOnceAndSkipsNextStep()
    {
        var context = Context();
        context.ScriptTimers();
        context.ScriptDecisions("approve", Decide("ann"), Decide("cat", approved: false), Decide("ben"));

        var output = await new HumanApproval().RunAsync(context.Object, s_input);

        Assert.Equal(("rejected", false), (output.Decision, output.TimedOut));
        Assert.Equal(["RequestApproval", "ConfirmApprovalDecision", "ConfirmApprovalDecision", "CloseApproval"], context.CallNames);
        Assert.Null(output.OnApprovedOutput);
    }

    [Fact]
    public async Task RunAsync_EventWithoutInboxDecision_IsIgnoredAndInboxDecisionCounts()
    {
        var context = Context().ConfirmFrom(new ApprovalDecision("ann", true), new ApprovalDecision("ben", false));
        context.ScriptTimers();
        context.ScriptDecisions("approve", Decide("cat"), Decide("ann"), Decide("cat"), Decide("ben", approved: true));

        var output = await new HumanApproval().RunAsync(context.Object, s_input);

        Assert.Equal(("rejected", 2), (output.Decision, output.Ignored));
        Assert.Equal(["ann", "ben"], output.DecidedBy);
        Assert.Equal("cat", context.Calls[1].Input!["approver"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_FirstLevelTimesOut_EscalatesToNextLevelWithItsApprovers()
    {
        var context = Context();
        var timers = context.ScriptTimers(Task.CompletedTask);
        var directorDecision = new TaskCompletionSource<ApprovalDecision>();
        context.ScriptDecisions("approve", new TaskCompletionSource<ApprovalDecision>().Task, directorDecision.Task);

        var run = new HumanApproval().RunAsync(context.Object, s_input);
        directorDecision.SetResult(new ApprovalDecision("dora", true));
        var output = await run;

        Assert.Equal(("approved", 1), (output.Decision, output.Level));
        var requests = context.Calls.Where(c => c.Name == "RequestApproval").Select(c => c.Input!).ToList();
        Assert.Equal([0, 1], requests.Select(r => r["level"]!.GetValue<int>()));
        Assert.Equal("""["Dora"]""", requests[1]["approvers"]!.ToJsonString());
        Assert.Equal([context.Now.AddHours(1), context.Now.AddHours(2)], timers);
    }

    [Fact]
    public async Task RunAsync_EveryLevelTimesOut_DecidesByOnTimeoutAndClosesAsTimedOut()
    {
        var context = Context();
        context.ScriptTimers(Task.CompletedTask, Task.CompletedTask, Task.CompletedTask);
        context.ScriptDecisions("approve");

        var output = await new HumanApproval().RunAsync(context.Object, s_input with { OnTimeout = ApprovalTimeoutOutcome.Approve });

        Assert.Equal(("approved", true, 2), (output.Decision, output.TimedOut, output.Level));
        Assert.Equal(3, context.Calls.Count(c => c.Name == "RequestApproval"));
        Assert.Equal("timedOut", context.Calls.Single(c => c.Name == "CloseApproval").Input!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_DecisionFromPreviousLevelApprover_IsIgnoredAfterEscalation()
    {
        var context = Context();
        context.ScriptTimers(Task.CompletedTask);
        context.ScriptDecisions("approve", new TaskCompletionSource<ApprovalDecision>().Task, Decide("ann"), Decide("dora", approved: false));

        var output = await new HumanApproval().RunAsync(context.Object, s_input);

        Assert.Equal(("rejected", 1, 1), (output.Decision, output.Ignored, output.Level));
        Assert.Equal(["dora"], output.DecidedBy);
    }

    [Fact]
    public async Task RunAsync_NotifyApprovers_NotifiesEachDistinctApproverOfTheLevel()
    {
        var context = Context();
        context.ScriptTimers();
        context.ScriptDecisions("approve", Decide("ann"), Decide("ben"));

        await new HumanApproval().RunAsync(context.Object, s_input with { NotifyApprovers = true });

        Assert.Equal(["Ann", "Ben", "Cat"], context.Calls.Where(c => c.Name == "notify").Select(c => c.Input!["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RunAsync_NextStepFails_KeepsTheApprovalAndReportsTheError()
    {
        var context = Context().Fail("echo", "downstream down");
        context.ScriptTimers();
        context.ScriptDecisions("approve", Decide("ann"), Decide("ben"));

        var output = await new HumanApproval().RunAsync(context.Object, s_input);

        Assert.Equal(("approved", "downstream down"), (output.Decision, output.OnApprovedError!.Message));
        Assert.Equal("approved", context.Calls.Single(c => c.Name == "CloseApproval").Input!["outcome"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task RunAsync_QuorumOutOfRange_ThrowsBeforeAnyCall(int quorum)
    {
        var context = Context();
        var input = s_input with { Levels = [new ApprovalLevel(["a", "b", "c"], TimeSpan.FromHours(1), quorum)] };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new HumanApproval().RunAsync(context.Object, input));

        Assert.Empty(context.Calls);
    }
}
