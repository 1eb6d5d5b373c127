using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;
using Serverless.Activities.Approvals;
using Serverless.Activities.Notifications;
using Serverless.Activities.Payments;
using Serverless.Approvals;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Orchestrations.Tests.Infrastructure;
using Serverless.Runtime;
using Serverless.Runtime.History;
using Serverless.Tests.Infrastructure;

namespace Serverless.Orchestrations.Tests.CodeFirst;

/// <summary>
/// Human approval on the real runtime with a fake clock: decisions go through the inbox and the approval event,
/// exactly as the host's "decide" endpoint does it; timeouts fire when the clock is advanced.
/// </summary>
public sealed class HumanApprovalEndToEndTests : IAsyncLifetime
{
    private const string Step = "approve";
    private readonly TempFolder _folder = new("approval");
    private readonly FakeTimeProvider _clock = CodeFirstRuntime.NewClock();
    private CodeFirstRuntime _runtime = null!;

    public async Task InitializeAsync() => _runtime = await CodeFirstRuntime.StartAsync(_folder, _clock);

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _folder.Dispose();
    }

    private ApprovalInbox Inbox => _runtime.Get<ApprovalInbox>();

    private static HumanApprovalInput Chain(ActivityCall? onApproved = null) => new()
    {
        StepId = Step,
        Title = "Expense 1200 EUR",
        Details = JsonNode.Parse("""{"amount":1200,"customer":"c-9"}"""),
        Levels =
        [
            new ApprovalLevel(["mgr1", "mgr2", "mgr3"], TimeSpan.FromHours(1), Quorum: 2),
            new ApprovalLevel(["director"], TimeSpan.FromHours(2)),
            new ApprovalLevel(["vp"], TimeSpan.FromHours(4)),
        ],
        OnApproved = onApproved ?? new ActivityCall("echo", JsonNode.Parse("""{"approvedAmount":"{{input.amount}}"}""")),
    };

    /// <summary>What the host's decide endpoint does: record in the inbox (which refuses non-listed approvers), then raise the event.</summary>
    private async Task DecideAsync(string instanceId, string approver, bool approved)
    {
        var decision = new ApprovalDecision(approver, approved, null, _clock.GetUtcNow());
        await Inbox.RecordDecisionAsync(instanceId, Step, decision);
        await _runtime.Client.RaiseEventAsync(instanceId, ApprovalEvents.EventName(Step), decision);
    }

    private async Task<string> StartAndWaitForLevelAsync(HumanApprovalInput input, string instanceId, int timers = 1)
    {
        await _runtime.Client.ScheduleNewOrchestrationInstanceAsync(HumanApproval.Name, input, new StartOrchestrationOptions(instanceId));
        await _runtime.WaitForHistoryAsync(instanceId, h => h.OfType<TimerCreated>().Count() >= timers);
        return instanceId;
    }

    [Fact]
    public async Task HumanApproval_QuorumOfListedApprovers_ApprovesIgnoringOthersAndRunsNextStep()
    {
        var id = await StartAndWaitForLevelAsync(Chain(), "exp-quorum");
        var waiting = await _runtime.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(new OrchestrationProgress("waiting", Step, 0, 3), waiting!.ReadCustomStatusAs<OrchestrationProgress>());
        Assert.Single(await Inbox.ListPendingAsync("MGR2"));
        Assert.Single(await _runtime.Get<NotificationBox>().ListAsync("mgr3"));

        await DecideAsync(id, "mgr1", true);
        await Assert.ThrowsAsync<ApproverNotListedException>(() => DecideAsync(id, "mallory", true));
        await _runtime.Client.RaiseEventAsync(id, ApprovalEvents.EventName(Step), new ApprovalDecision("mallory", true));
        await _runtime.Client.RaiseEventAsync(id, ApprovalEvents.EventName(Step), new ApprovalDecision("MGR1", true));
        await DecideAsync(id, "mgr2", true);
        var result = await _runtime.CompleteAsync(id);

        var output = result.ReadOutputAs<HumanApprovalOutput>()!;
        Assert.Equal(("approved", false, 0), (output.Decision, output.TimedOut, output.Level));
        Assert.Equal(["mgr1", "mgr2"], output.DecidedBy);
        Assert.Equal(2, output.Ignored);
        OrchestrationReplayer.Replay(new HumanApproval(), await _runtime.Runtime.GetHistoryAsync(id));
        Assert.Equal(1200, output.OnApprovedOutput!["approvedAmount"]!.GetValue<int>());
        var record = await Inbox.GetAsync(id, Step);
        Assert.Equal((ApprovalStatus.Closed, "approved"), (record!.Status, record.Outcome));
        Assert.Empty(await Inbox.ListPendingAsync("mgr3"));
    }

    [Fact]
    public async Task HumanApproval_ManagersSilent_EscalatesToDirectorWhoApproves()
    {
        var id = await StartAndWaitForLevelAsync(Chain(), "exp-escalate");

        _clock.Advance(TimeSpan.FromHours(1));
        await _runtime.WaitForHistoryAsync(id, h => h.OfType<TimerCreated>().Count() >= 2);
        Assert.Empty(await Inbox.ListPendingAsync("mgr1"));
        var pending = Assert.Single(await Inbox.ListPendingAsync("director"));
        Assert.Equal(1, pending.Request.Level);
        await Assert.ThrowsAsync<ApproverNotListedException>(() => DecideAsync(id, "mgr1", true));
        await DecideAsync(id, "director", true);
        var result = await _runtime.CompleteAsync(id);

        var output = result.ReadOutputAs<HumanApprovalOutput>()!;
        Assert.Equal(("approved", 1), (output.Decision, output.Level));
        Assert.Equal(["director"], output.DecidedBy);
    }

    [Fact]
    public async Task HumanApproval_NobodyDecides_TimesOutAfterLastLevelAndRejects()
    {
        var id = await StartAndWaitForLevelAsync(Chain(), "exp-timeout");

        _clock.Advance(TimeSpan.FromHours(1));
        await _runtime.WaitForHistoryAsync(id, h => h.OfType<TimerCreated>().Count() >= 2);
        _clock.Advance(TimeSpan.FromHours(2));
        await _runtime.WaitForHistoryAsync(id, h => h.OfType<TimerCreated>().Count() >= 3);
        Assert.Single(await Inbox.ListPendingAsync("vp"));
        _clock.Advance(TimeSpan.FromHours(4));
        var result = await _runtime.CompleteAsync(id);

        var output = result.ReadOutputAs<HumanApprovalOutput>()!;
        Assert.Equal(("rejected", true, 2, null), (output.Decision, output.TimedOut, output.Level, output.OnApprovedOutput));
        Assert.Equal("timedOut", (await Inbox.GetAsync(id, Step))!.Outcome);
        OrchestrationReplayer.Replay(new HumanApproval(), await _runtime.Runtime.GetHistoryAsync(id));
        Assert.Empty(await Inbox.ListPendingAsync("vp"));
    }

    [Fact]
    public async Task HumanApproval_ListedApproverRejects_StopsTheFlowBeforeTheNextStep()
    {
        var charge = new ActivityCall("chargePayment", JsonNode.Parse("""{"customerId":"{{input.customer}}","amount":"{{input.amount}}","reference":"expense"}"""));
        var id = await StartAndWaitForLevelAsync(Chain(charge), "exp-denied");

        await DecideAsync(id, "mgr1", true);
        await DecideAsync(id, "mgr3", false);
        var result = await _runtime.CompleteAsync(id);

        var output = result.ReadOutputAs<HumanApprovalOutput>()!;
        Assert.Equal(("rejected", false), (output.Decision, output.TimedOut));
        Assert.Empty(await _runtime.Get<PaymentBook>().PaymentsOfAsync(id));
        Assert.DoesNotContain((await _runtime.Runtime.GetHistoryAsync(id)).OfType<TaskScheduled>(), t => t.Name == "chargePayment");
        Assert.Equal("rejected", (await Inbox.GetAsync(id, Step))!.Outcome);
    }

    [Fact]
    public async Task HumanApproval_ApprovedWithChargeAsNextStep_ChargesOnce()
    {
        var charge = new ActivityCall("chargePayment", JsonNode.Parse("""{"customerId":"{{input.customer}}","amount":"{{input.amount}}","reference":"expense"}"""));
        var id = await StartAndWaitForLevelAsync(Chain(charge), "exp-charged");

        await DecideAsync(id, "mgr1", true);
        await DecideAsync(id, "mgr2", true);
        await _runtime.CompleteAsync(id);

        var payment = Assert.Single(await _runtime.Get<PaymentBook>().PaymentsOfAsync(id));
        Assert.Equal(("c-9", 1200m), (payment.CustomerId, payment.Amount));
    }

    [Fact]
    public async Task HumanApproval_RuntimeRestartsWhileWaiting_CompletesOnTheNewRuntime()
    {
        var id = await StartAndWaitForLevelAsync(Chain(), "exp-restart");
        await _runtime.DisposeAsync();

        _runtime = await CodeFirstRuntime.StartAsync(_folder, _clock);
        Assert.Single(await Inbox.ListPendingAsync("mgr1"));
        await DecideAsync(id, "mgr1", true);
        await DecideAsync(id, "mgr2", true);
        var result = await _runtime.CompleteAsync(id);

        Assert.Equal("approved", result.ReadOutputAs<HumanApprovalOutput>()!.Decision);
        var history = await _runtime.Runtime.GetHistoryAsync(id);
        Assert.Single(history.OfType<TaskScheduled>(), t => t.Name == "RequestApproval");
    }
}
