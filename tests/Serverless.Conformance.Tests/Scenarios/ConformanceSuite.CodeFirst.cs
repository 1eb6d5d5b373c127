using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Activities.Approvals;
using Serverless.Activities.Inventory;
using Serverless.Activities.Transfers;
using Serverless.Approvals;
using Serverless.Conformance.Tests.Engines;
using Serverless.Orchestrations.CodeFirst;

namespace Serverless.Conformance.Tests.Scenarios;

// Every code-first orchestrator of the product (OrchestratorCatalog), with the product activities.
public abstract partial class ConformanceSuite
{
    private static readonly RetrySpec s_fastRetry = new(3, TimeSpan.FromMilliseconds(20));

    [SkippableFact]
    public async Task SequentialChain_ThreeSteps_PassesOutputsOnAndSetsProgress()
    {
        var input = new SequentialChainInput
        {
            Input = JsonValue.Create(5),
            Steps =
            [
                new ChainStep("first", new ActivityCall("echo", JsonNode.Parse("""{"n":"{{input}}"}"""))),
                new ChainStep("second", new ActivityCall("echo", JsonNode.Parse("""{"was":"{{steps.first.output.n}}"}"""))),
                new ChainStep("boom", new ActivityCall("fail", JsonNode.Parse("""{"message":"stop here"}"""))),
                new ChainStep("never", new ActivityCall("echo")),
            ],
        };

        var result = await RunAsync(SequentialChain.Name, input);

        var output = result.ReadOutputAs<SequentialChainOutput>()!;
        Assert.Equal((false, "boom"), (output.Succeeded, output.FailedStep));
        Assert.Equal("""{"was":5}""", output.Steps[1].Output!.ToJsonString());
        Assert.Equal("stop here", output.Steps[2].Error!.Message);
        Assert.Equal(["echo", "echo", "fail"], Calls.Of(result.InstanceId));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
    }

    [SkippableFact]
    public async Task FanOutFanIn_TenItemsCapThree_KeepsItemOrderInTheOutputs()
    {
        var input = new FanOutFanInInput
        {
            Activity = "echo",
            Items = [.. Enumerable.Range(1, 10).Select(i => (JsonNode?)JsonValue.Create(i))],
            MaxConcurrency = 3,
        };

        var result = await RunAsync(FanOutFanIn.Name, input);

        var output = result.ReadOutputAs<FanOutFanInOutput>()!;
        Assert.True(output.Succeeded);
        Assert.Equal(Enumerable.Range(1, 10), output.Outputs.Select(o => o!.GetValue<int>()));
        Assert.Equal(Enumerable.Repeat("echo", 10), Calls.Of(result.InstanceId));
    }

    [SkippableFact]
    public async Task FanOutFanIn_ThousandItemsAtOnce_AllCompleteInItemOrder()
    {
        // With the in-memory service's defaults (processor-count work items, 500 ms polls for a free slot) this
        // never finished on a 2-core machine; the engines here are configured for it (docs/runtime.md). Azurite on
        // two shared cores moves about ten activities a second through its queues and tables, so the AzureStorage
        // engine fans out a tenth as many within the same wait limit.
        var count = Kind == EngineKind.AzureStorage ? 100 : 1000;
        var input = new FanOutFanInInput
        {
            Activity = "echo",
            Items = [.. Enumerable.Range(1, count).Select(i => (JsonNode?)JsonValue.Create(i))],
            MaxConcurrency = count,
        };

        var result = await RunAsync(FanOutFanIn.Name, input);

        var output = result.ReadOutputAs<FanOutFanInOutput>()!;
        Assert.True(output.Succeeded);
        Assert.Equal(Enumerable.Range(1, count), output.Outputs.Select(o => o!.GetValue<int>()));
        Assert.Equal(count, Calls.Of(result.InstanceId).Count);
    }

    [SkippableFact]
    public async Task OrderSaga_ShipmentFails_CompensatesInReverseOrder()
    {
        var sku = NewId("sku");
        await Get<Warehouse>().SetStockAsync(sku, 10);
        var input = new OrderSagaInput
        {
            OrderId = NewId("order"),
            CustomerId = "c-1",
            Items = [new InventoryLine(sku, 3)],
            Amount = 42.50m,
            StepRetry = s_fastRetry,
            CompensationRetry = s_fastRetry,
            Faults = new Dictionary<string, Fault> { ["createShipment"] = new(FailAlways: true) },
        };

        var result = await RunAsync(OrderSaga.Name, input);

        var output = result.ReadOutputAs<OrderSagaOutput>()!;
        Assert.Equal(("compensated", "ship"), (output.Status, output.FailedStep));
        Assert.Equal(["charge", "reserve"], output.Compensations.Select(c => c.Step));
        Assert.Equal(["reserveInventory", "chargePayment", "createShipment", "createShipment", "createShipment", "refundPayment", "releaseInventory"], Calls.Of(result.InstanceId));
        Assert.Equal(10, await Get<Warehouse>().GetAvailableAsync(sku));
    }

    [SkippableFact]
    public async Task HumanApproval_QuorumReached_ApprovesAndRunsTheNextStep()
    {
        var id = NewId("approval");
        var input = new HumanApprovalInput
        {
            StepId = "approve",
            Title = "Expense",
            Details = JsonNode.Parse("""{"amount":1200}"""),
            Levels = [new ApprovalLevel(["mgr1", "mgr2", "mgr3"], TimeSpan.FromHours(1), Quorum: 2)],
            OnApproved = new ActivityCall("echo", JsonNode.Parse("""{"approvedAmount":"{{input.amount}}"}""")),
        };
        await StartAsync(HumanApproval.Name, input, id);
        await Conditions.UntilAsync(() => Get<ApprovalInbox>().ListPendingAsync("mgr1"), pending => pending.Any(p => p.Request.InstanceId == id), "the approval request");

        foreach (var approver in new[] { "mgr1", "mgr2" })
        {
            var decision = new ApprovalDecision(approver, true);
            await Get<ApprovalInbox>().RecordDecisionAsync(id, "approve", decision);
            await Client.RaiseEventAsync(id, ApprovalEvents.EventName("approve"), decision);
        }

        var result = await CompleteAsync(id);

        var output = result.ReadOutputAs<HumanApprovalOutput>()!;
        Assert.Equal(("approved", false), (output.Decision, output.TimedOut));
        Assert.Equal(["mgr1", "mgr2"], output.DecidedBy);
        Assert.Equal("""{"approvedAmount":1200}""", output.OnApprovedOutput!.ToJsonString());
        Assert.Equal(new OrchestrationProgress("approved", "approve", 1, 1), result.ReadCustomStatusAs<OrchestrationProgress>());
    }

    [SkippableFact]
    public async Task TwoPhaseCommit_Transfer_CommitsBothParticipantsAndConservesMoney()
    {
        var (from, to) = (NewId("alice"), NewId("bob"));
        await Get<Ledger>().OpenAccountAsync(from, 100m);
        await Get<Ledger>().OpenAccountAsync(to, 20m);
        var input = new TwoPhaseCommitInput
        {
            Input = new JsonObject { ["from"] = from, ["to"] = to, ["amount"] = 30 },
            PhaseTwoRetry = s_fastRetry,
            Participants =
            [
                new TransactionParticipant(
                    "source",
                    new ActivityCall("holdFunds", JsonNode.Parse("""{"account":"{{input.from}}","amount":"{{input.amount}}"}""")),
                    new ActivityCall("debitAccount", JsonNode.Parse("""{"account":"{{input.from}}","holdId":"{{item.holdId}}"}""")),
                    new ActivityCall("releaseHold", JsonNode.Parse("""{"account":"{{input.from}}","holdId":"{{item.holdId}}"}"""))),
                new TransactionParticipant(
                    "target",
                    new ActivityCall("prepareCredit", JsonNode.Parse("""{"account":"{{input.to}}","amount":"{{input.amount}}"}""")),
                    new ActivityCall("creditAccount", JsonNode.Parse("""{"account":"{{input.to}}","creditId":"{{item.creditId}}"}""")),
                    new ActivityCall("cancelCredit", JsonNode.Parse("""{"creditId":"{{item.creditId}}"}"""))),
            ],
        };

        var result = await RunAsync(TwoPhaseCommit.Name, input);

        Assert.Equal("committed", result.ReadOutputAs<TwoPhaseCommitOutput>()!.Outcome);
        Assert.Equal(70m, (await Get<Ledger>().GetAccountAsync(from))!.Balance);
        Assert.Equal(50m, (await Get<Ledger>().GetAccountAsync(to))!.Balance);
        var calls = Calls.Of(result.InstanceId);
        Assert.Equal(["holdFunds", "prepareCredit"], calls.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal(["creditAccount", "debitAccount"], calls.Skip(2).Order(StringComparer.Ordinal));
    }
}
