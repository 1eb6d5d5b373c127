using Serverless.Activities.Approvals;
using Serverless.Activities.Tests.Infrastructure;
using Serverless.Approvals;

namespace Serverless.Activities.Tests.Approvals;

public sealed class ApprovalInboxTests : IDisposable
{
    private readonly ActivityHost _host = new();

    private ApprovalInbox Inbox => _host.Get<ApprovalInbox>();

    public void Dispose() => _host.Dispose();

    private static ApprovalRequest Request(string instance = "exp-1", int level = 0, int quorum = 1, params string[] approvers) => new()
    {
        InstanceId = instance,
        StepId = "approve",
        Workflow = "expense-approval",
        Title = "Expense 1200 EUR",
        Approvers = approvers.Length == 0 ? ["Alice", "bob"] : approvers,
        Quorum = quorum,
        Level = level,
        DetailsJson = """{"amount":1200}""",
    };

    [Fact]
    public async Task RequestAsync_SameRequestTwice_StoresOnePendingRequest()
    {
        var first = await Inbox.RequestAsync(Request());
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await Inbox.RequestAsync(Request());

        Assert.Equal(first.Request.RequestedAt, second.Request.RequestedAt);
        Assert.Single(await Inbox.ListPendingAsync("alice"));
        var stored = await Inbox.GetAsync("exp-1", "approve");
        Assert.Equal(ApprovalStatus.Pending, stored!.Status);
        Assert.Equal(["Alice", "bob"], stored.Request.Approvers);
        Assert.Equal("""{"amount":1200}""", stored.Request.DetailsJson);
    }

    [Fact]
    public async Task ListPendingAsync_DifferentCase_FindsRequestForListedApproverOnly()
    {
        await Inbox.RequestAsync(Request("exp-1"));
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Inbox.RequestAsync(Request("exp-2", approvers: ["ALICE"]));

        var alice = await Inbox.ListPendingAsync("aLiCe");
        var carol = await Inbox.ListPendingAsync("carol");

        Assert.Equal(["exp-1", "exp-2"], alice.Select(r => r.Request.InstanceId));
        Assert.Empty(carol);
    }

    [Fact]
    public async Task RecordDecisionAsync_NotListedApprover_ThrowsAndStoresNothing()
    {
        await Inbox.RequestAsync(Request());

        var error = await Assert.ThrowsAsync<ApproverNotListedException>(() => Inbox.RecordDecisionAsync("exp-1", "approve", new ApprovalDecision("mallory", true)));

        Assert.Equal("mallory", error.Approver);
        Assert.Empty((await Inbox.GetAsync("exp-1", "approve"))!.Decisions);
    }

    [Fact]
    public async Task RecordDecisionAsync_SameApproverTwice_ThrowsAlreadyDecided()
    {
        await Inbox.RequestAsync(Request());
        var recorded = await Inbox.RecordDecisionAsync("exp-1", "approve", new ApprovalDecision("BOB", true, "fine"));

        var error = await Assert.ThrowsAsync<ApprovalConflictException>(() => Inbox.RecordDecisionAsync("exp-1", "approve", new ApprovalDecision("bob", false)));

        Assert.Equal(ApprovalConflict.AlreadyDecided, error.Reason);
        var decision = Assert.Single((await Inbox.GetAsync("exp-1", "approve"))!.Decisions);
        Assert.True(decision.Approved);
        Assert.Equal(_host.Clock.GetUtcNow(), decision.DecidedAt);
        Assert.Equal(recorded.Decisions, [decision]);
    }

    [Fact]
    public async Task RecordDecisionAsync_ApproverDecided_LeavesTheirPendingListOnly()
    {
        await Inbox.RequestAsync(Request());

        await Inbox.RecordDecisionAsync("exp-1", "approve", new ApprovalDecision("alice", true));

        Assert.Empty(await Inbox.ListPendingAsync("alice"));
        Assert.Single(await Inbox.ListPendingAsync("bob"));
    }

    [Fact]
    public async Task RecordDecisionAsync_FiveApproversAtOnce_RecordsEveryDecision()
    {
        string[] approvers = ["a1", "a2", "a3", "a4", "a5"];
        await Inbox.RequestAsync(Request(quorum: 3, approvers: approvers));

        await Task.WhenAll(approvers.Select(a => Inbox.RecordDecisionAsync("exp-1", "approve", new ApprovalDecision(a, true))));

        var stored = await Inbox.GetAsync("exp-1", "approve");
        Assert.Equal(approvers, stored!.Decisions.Select(d => d.Approver).Order());
    }

    [Fact]
    public async Task RecordDecisionAsync_UnknownRequest_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<ApprovalNotFoundException>(() => Inbox.RecordDecisionAsync("nope", "approve", new ApprovalDecision("alice", true)));
    }

    [Fact]
    public async Task CloseAsync_PendingRequest_ClosesOnceAndRefusesLaterDecisions()
    {
        await Inbox.RequestAsync(Request());

        Assert.True(await Inbox.CloseAsync("exp-1", "approve", "timedOut"));
        Assert.False(await Inbox.CloseAsync("exp-1", "approve", "approved"));

        var stored = await Inbox.GetAsync("exp-1", "approve");
        Assert.Equal((ApprovalStatus.Closed, "timedOut"), (stored!.Status, stored.Outcome));
        Assert.Empty(await Inbox.ListPendingAsync("alice"));
        var error = await Assert.ThrowsAsync<ApprovalConflictException>(() => Inbox.RecordDecisionAsync("exp-1", "approve", new ApprovalDecision("alice", true)));
        Assert.Equal(ApprovalConflict.NotPending, error.Reason);
    }

    [Fact]
    public async Task CloseAsync_UnknownRequest_ReturnsFalse()
    {
        Assert.False(await Inbox.CloseAsync("nope", "approve", "approved"));
    }

    [Fact]
    public async Task RequestAsync_HigherLevel_ReplacesApproversOfPendingRequest()
    {
        await Inbox.RequestAsync(Request());

        await Inbox.RequestAsync(Request(level: 1, approvers: ["director"]));

        Assert.Empty(await Inbox.ListPendingAsync("alice"));
        var pending = Assert.Single(await Inbox.ListPendingAsync("Director"));
        Assert.Equal(1, pending.Request.Level);
        await Assert.ThrowsAsync<ApproverNotListedException>(() => Inbox.RecordDecisionAsync("exp-1", "approve", new ApprovalDecision("alice", true)));
    }

    [Fact]
    public async Task RequestAsync_LowerLevelAfterEscalation_ChangesNothing()
    {
        await Inbox.RequestAsync(Request(level: 1, approvers: ["director"]));

        var result = await Inbox.RequestAsync(Request(level: 0));

        Assert.Equal(["director"], result.Request.Approvers);
        Assert.Empty(await Inbox.ListPendingAsync("alice"));
    }

    [Fact]
    public async Task RequestAsync_ClosedRequest_IsNotReopened()
    {
        await Inbox.RequestAsync(Request());
        await Inbox.CloseAsync("exp-1", "approve", "rejected");

        var result = await Inbox.RequestAsync(Request(level: 1, approvers: ["director"]));

        Assert.Equal(ApprovalStatus.Closed, result.Status);
        Assert.Empty(await Inbox.ListPendingAsync("director"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task RequestAsync_QuorumOutOfRange_ThrowsAndStoresNothing(int quorum)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Inbox.RequestAsync(Request(quorum: quorum, approvers: ["a", "A", "b"])));

        Assert.Null(await Inbox.GetAsync("exp-1", "approve"));
    }

    [Fact]
    public async Task RequestAsync_NoApprovers_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Inbox.RequestAsync(Request() with { Approvers = [" "] }));

        Assert.Equal("Approvers", error.ParamName);
    }

    [Fact]
    public async Task RequestAsync_InstanceIdWithReservedCharacters_RoundTrips()
    {
        await Inbox.RequestAsync(Request("tenant/a#1?x%"));

        var stored = await Inbox.GetAsync("tenant/a#1?x%", "approve");

        Assert.Equal("tenant/a#1?x%", stored!.Request.InstanceId);
        Assert.Single(await Inbox.ListPendingAsync("bob"));
    }
}
