using Serverless.Activities.Approvals;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Serverless.Activities.Inventory;
using Serverless.Activities.Transfers;
using Serverless.Activities.Workflows;
using Serverless.Approvals;
using Serverless.Conformance.Tests.Engines;
using Serverless.Orchestrations.Workflows;
using Serverless.Workflows.Validation;
using Serverless.Workflows.Versioning;

namespace Serverless.Conformance.Tests.Scenarios;

// Every sample workflow (samples/*.json) through the RunWorkflow interpreter, with the product activities.
public abstract partial class ConformanceSuite
{
    [SkippableFact]
    public async Task Sample_OrderFulfilment_ReservesChargesShipsAndMapsOutput()
    {
        var sku = NewId("book");
        await Get<Warehouse>().SetStockAsync(sku, 10);
        var orderId = NewId("o");

        var result = await RunSampleAsync("order-fulfilment.json", new { orderId, customerId = "c-1", items = new[] { new { sku, quantity = 2 } }, amount = 42.5 });

        var output = Output(result);
        Assert.Equal(orderId, output.GetProperty("orderId").GetString());
        Assert.False(string.IsNullOrEmpty(output.GetProperty("trackingNumber").GetString()));
        Assert.Equal(["reserveInventory", "chargePayment", "createShipment"], DomainCalls(result.InstanceId).Where(c => c != "notify"));
        Assert.Equal(8, await Get<Warehouse>().GetAvailableAsync(sku));
    }

    [SkippableFact]
    public async Task Sample_MoneyTransfer_CommitsAndConservesMoney()
    {
        var (from, to) = (NewId("alice"), NewId("bob"));
        await Get<Ledger>().OpenAccountAsync(from, 100m);
        await Get<Ledger>().OpenAccountAsync(to, 5m);

        var result = await RunSampleAsync("money-transfer.json", new { from, to, amount = 30 });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(70m, (await Get<Ledger>().GetAccountAsync(from))!.Balance);
        Assert.Equal(35m, (await Get<Ledger>().GetAccountAsync(to))!.Balance);
    }

    [SkippableFact]
    public async Task Sample_ExpenseApproval_TwoManagersApprove_Reimburses()
    {
        var id = await StartSampleAsync("expense-approval.json", new { employee = "sam", amount = 120, purpose = "train" });

        // As the decide route does: the inbox records each decision, then the event tells the instance to count them.
        await Conditions.UntilAsync(() => Get<ApprovalInbox>().ListPendingAsync("manager.alice"), pending => pending.Any(p => p.Request.InstanceId == id), "the approval request");
        foreach (var approver in new[] { "manager.alice", "manager.carol" })
        {
            var decision = new ApprovalDecision(approver, true);
            await Get<ApprovalInbox>().RecordDecisionAsync(id, "decide", decision);
            await Client.RaiseEventAsync(id, ApprovalEvents.EventName("decide"), decision);
        }

        var result = await CompleteAsync(id);

        Assert.Equal("approved", Output(result).GetProperty("decision").GetString());
    }

    [SkippableFact]
    public async Task Sample_ConditionalRouting_CriticalTicketPages()
    {
        var ticketId = NewId("t");

        var result = await RunSampleAsync("conditional-routing.json", new { ticketId, priority = "critical", region = "eu-west" });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Contains($"GET https://crm.example/tickets/{ticketId}", Get<ScriptedWorld>().Requests);
    }

    [SkippableFact]
    public async Task Sample_EtlFanout_LoadsEachRow()
    {
        var target = $"https://dst.example/{NewId("rows")}";

        var result = await RunSampleAsync("etl-fanout.json", new { source = "https://src.example/rows", target });

        Assert.Equal(3, Output(result).GetProperty("loaded").GetInt32());
        Assert.Equal([$"PUT {target}/a.csv", $"PUT {target}/b.csv", $"PUT {target}/c.csv"],
            Get<ScriptedWorld>().Requests.Where(r => r.StartsWith($"PUT {target}", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Sample_NightlyReport_GathersBuildsAndMails()
    {
        var result = await RunSampleAsync("nightly-report.json", new { reportDate = "2026-01-01" });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["http", "http"], DomainCalls(result.InstanceId).Where(c => c == "http"));
    }

    [SkippableFact]
    public async Task Sample_Onboarding_ThreeLevelsOfSubWorkflows_CompleteAfterTheContractEvent()
    {
        var catalog = NewCatalog();
        catalog.Publish(Sample("onboarding-accounts.json"));
        catalog.Publish(Sample("onboarding-it-setup.json"));
        var id = await StartWorkflowAsync(catalog, catalog.Publish(Sample("onboarding.json")),
            new { employeeId = NewId("e"), name = "Ada", startDate = "2025-12-01T00:00:00Z", remote = true });

        await Client.RaiseEventAsync(id, "contractSigned", new { signedBy = "Ada" });
        var result = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var children = new List<OrchestrationMetadata>();
        await foreach (var child in Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = id + ":itSetup:" }))
        {
            children.Add(child);
        }

        // The IT-setup child and, under it, the accounts grandchild; query order is the engine's own.
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.Equal(OrchestrationRuntimeStatus.Completed, c.RuntimeStatus));
        Assert.Single(children, c => c.InstanceId.Contains(":accounts:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Sample_PollingLoop_PollsUntilTheExportIsDone()
    {
        // The sample pauses 30 s between polls; Microsoft's engine waits in real time, so the pause is shortened.
        var json = Sample("polling-loop.json").Replace("\"PT30S\"", "\"PT1S\"", StringComparison.Ordinal);

        var result = await CompleteAsync(await StartWorkflowAsync(NewCatalog(), NewCatalog().Publish(json), new { dataset = "sales" }));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, Output(result).GetProperty("polls").GetInt32());
        Assert.EndsWith(".csv", Output(result).GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    private static WorkflowCatalog NewCatalog() => new(new ValidationOptions { ActivityRegistry = null });

    private static JsonElement Output(OrchestrationMetadata result)
    {
        Assert.True(
            result.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{result.InstanceId} ended {result.RuntimeStatus}: {result.FailureDetails?.ErrorType} {result.FailureDetails?.ErrorMessage} {result.SerializedOutput}");
        return JsonSerializer.SerializeToElement(result.ReadOutputAs<WorkflowRunOutput>()!.Output);
    }

    /// <summary>The activity calls of a workflow instance without the audit batches (their grouping is the interpreter's, not the engine's).</summary>
    private IEnumerable<string> DomainCalls(string instanceId) => Calls.Of(instanceId).Where(c => c != RecordWorkflowEventsActivity.Name);

    private async Task<OrchestrationMetadata> RunSampleAsync(string file, object input) => await CompleteAsync(await StartSampleAsync(file, input));

    private async Task<string> StartSampleAsync(string file, object input)
    {
        var catalog = NewCatalog();
        return await StartWorkflowAsync(catalog, catalog.Publish(Sample(file)), input);
    }

    private async Task<string> StartWorkflowAsync(WorkflowCatalog catalog, PublishedWorkflow workflow, object input)
    {
        var runInput = WorkflowRunInputFactory.Create(workflow, catalog.Get, JsonSerializer.SerializeToElement(input), startedBy: "conformance", correlationId: "corr-1");
        return await StartAsync(WorkflowRunInput.OrchestratorName, runInput, NewId(workflow.Workflow.Definition.Name));
    }

    /// <summary>A definition from the repository's samples/ folder.</summary>
    private static string Sample(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found."), "samples", file));
    }
}
