using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serverless.Activities.Inventory;
using Serverless.Activities.Payments;
using Serverless.Activities.Transfers;
using Serverless.Approvals;
using Serverless.Orchestrations.Workflows;
using Serverless.Runtime.History;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>
/// Every definition in samples/ run by the interpreter on the real runtime with the product activities
/// (domain effects in SQLite); only external HTTP endpoints are scripted.
/// </summary>
public sealed class SampleWorkflowTests
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private int _polls;

    private static readonly object[] Lines = [new { sku = "book", quantity = 2 }, new { sku = "pen", quantity = 1 }];

    [Fact]
    public async Task OrderFulfilment_HappyPath_ReservesChargesShipsAndMapsOutput()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var warehouse = await StockAsync(host);

        var result = await host.RunAsync(WorkflowTestHost.Sample("order-fulfilment.json"), Order("o-1"), "order-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal("o-1", output["orderId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(output["trackingNumber"]!.GetValue<string>()));
        Assert.Equal(8, await warehouse.GetAvailableAsync("book"));
    }

    [Fact]
    public async Task OrderFulfilment_ShipmentFails_CompensationLeavesNoReservationOrChargeBehind()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var warehouse = await StockAsync(host);
        var failingShip = WorkflowTestHost.Sample("order-fulfilment.json")
            .Replace("\"reservationId\": \"{{steps.reserve.output.reservationId}}\" },\n      \"compensate\": { \"activity\": \"cancelShipment\"",
                "\"reservationId\": \"{{steps.reserve.output.reservationId}}\", \"failAlways\": true },\n      \"compensate\": { \"activity\": \"cancelShipment\"", StringComparison.Ordinal);
        Assert.Contains("failAlways", failingShip, StringComparison.Ordinal);

        var result = await host.RunAsync(failingShip, Order("o-2"), "order-2");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("failed at step 'ship'", result.FailureDetails!.ErrorMessage);
        Assert.Contains("Compensated: [charge, reserve]", result.FailureDetails.ErrorMessage);
        Assert.Equal(10, await warehouse.GetAvailableAsync("book"));
        Assert.All(await warehouse.ReservationsOfAsync("order-2"), r => Assert.True(r.Released));
        var payments = await host.Services.GetRequiredService<PaymentBook>().PaymentsOfAsync("order-2");
        Assert.All(payments, p => Assert.True(p.Refunded));
        Assert.NotEmpty(payments);
    }

    [Fact]
    public async Task MoneyTransfer_Commits_MoneyMovesAndIsConserved()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var ledger = host.Services.GetRequiredService<Ledger>();
        await ledger.OpenAccountAsync("alice", 100m);
        await ledger.OpenAccountAsync("bob", 5m);

        var result = await host.RunAsync(WorkflowTestHost.Sample("money-transfer.json"), new { from = "alice", to = "bob", amount = 30 });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal((70m, 0m), Balance(await ledger.GetAccountAsync("alice")));
        Assert.Equal((35m, 0m), Balance(await ledger.GetAccountAsync("bob")));
    }

    [Fact]
    public async Task MoneyTransfer_InsufficientFunds_AbortsAndChangesNoBalance()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var ledger = host.Services.GetRequiredService<Ledger>();
        await ledger.OpenAccountAsync("alice", 10m);
        await ledger.OpenAccountAsync("bob", 5m);

        var result = await host.RunAsync(WorkflowTestHost.Sample("money-transfer.json"), new { from = "alice", to = "bob", amount = 30 });

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("participant 'source' failed to prepare", result.FailureDetails!.ErrorMessage);
        Assert.Equal((10m, 0m), Balance(await ledger.GetAccountAsync("alice")));
        Assert.Equal((5m, 0m), Balance(await ledger.GetAccountAsync("bob")));
    }

    [Fact]
    public async Task ExpenseApproval_TwoManagersApprove_Reimburses()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish(WorkflowTestHost.Sample("expense-approval.json")), new { employee = "sam", amount = 120, purpose = "train" });

        await host.DecideAsync(id, "decide", "manager.alice", true);
        await host.DecideAsync(id, "decide", "manager.carol", true);
        var result = await host.CompleteAsync(id);

        Assert.Equal("approved", result.ReadOutputAs<WorkflowRunOutput>()!.Output!["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpenseApproval_NobodyDecides_EscalatesTwiceThenRejectsOnTimeout()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish(WorkflowTestHost.Sample("expense-approval.json")), new { employee = "sam", amount = 120 });

        for (var timer = 1; timer <= 3; timer++)
            await host.AdvanceAfterTimersAsync(id, timer, TimeSpan.FromDays(1));
        var result = await host.CompleteAsync(id);

        Assert.Equal("rejected", result.ReadOutputAs<WorkflowRunOutput>()!.Output!["decision"]!.GetValue<string>());
        var trail = await host.TrailAsync(id);
        Assert.Equal(2, trail.Count(r => r.Entry.EventType == WorkflowEventTypes.ApprovalEscalated));
        Assert.Single(trail, r => r.Entry.EventType == WorkflowEventTypes.ApprovalTimedOut);
        Assert.Contains(trail, r => r.Entry.Step == "tellRejected" && r.Entry.EventType == WorkflowEventTypes.StepCompleted);
    }

    [Theory]
    [InlineData("critical", "eu-west", "page")]
    [InlineData("high", "eu-west", "euQueue")]
    [InlineData("low", "us-east", "defaultQueue")]
    public async Task ConditionalRouting_RoutesByPriorityAndRegion(string priority, string region, string expectedStep)
    {
        await using var host = await WorkflowTestHost.StartAsync(http: Respond);
        var id = await host.StartAsync(host.Publish(WorkflowTestHost.Sample("conditional-routing.json")), new { ticketId = "t-9", priority, region });
        var result = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Contains(await host.TrailAsync(id), r => r.Entry.Step == expectedStep && r.Entry.EventType == WorkflowEventTypes.StepCompleted);
        Assert.Contains("GET https://crm.example/tickets/t-9", _requests);
    }

    [Fact]
    public async Task EtlFanout_LoadsEachRowAndReports()
    {
        await using var host = await WorkflowTestHost.StartAsync(http: Respond);
        var result = await host.RunAsync(WorkflowTestHost.Sample("etl-fanout.json"), new { source = "https://src.example/rows", target = "https://dst.example/rows" });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, result.ReadOutputAs<WorkflowRunOutput>()!.Output!["loaded"]!.GetValue<int>());
        Assert.Equal(["PUT https://dst.example/rows/a.csv", "PUT https://dst.example/rows/b.csv", "PUT https://dst.example/rows/c.csv"],
            _requests.Where(r => r.StartsWith("PUT", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NightlyReport_GathersInParallelBuildsAndMails()
    {
        await using var host = await WorkflowTestHost.StartAsync(http: Respond);
        var result = await host.RunAsync(WorkflowTestHost.Sample("nightly-report.json"), new { reportDate = "2026-01-01" });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task Onboarding_ThreeLevelsOfSubWorkflows_WaitForContractThenComplete()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock, http: Respond);
        host.Publish(WorkflowTestHost.Sample("onboarding-accounts.json"));
        host.Publish(WorkflowTestHost.Sample("onboarding-it-setup.json"));
        var id = await host.StartAsync(host.Publish(WorkflowTestHost.Sample("onboarding.json")),
            new { employeeId = "e-1", name = "Ada", startDate = "2025-12-01T00:00:00Z", remote = true }, "onboard-1");

        await host.Client.RaiseEventAsync(id, "contractSigned", new { signedBy = "Ada" });
        var result = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var children = (await host.Runtime.GetHistoryAsync(id)).OfType<SubOrchestrationCreated>().ToList();
        Assert.StartsWith("onboard-1:itSetup:", Assert.Single(children).InstanceId, StringComparison.Ordinal);
        Assert.Equal(["POST https://idp.example/users", "POST https://it.example/orders", "POST https://mail.example/mailboxes"], _requests.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PollingLoop_PollsEveryThirtySecondsUntilDone()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock, http: Respond);
        var id = await host.StartAsync(host.Publish(WorkflowTestHost.Sample("polling-loop.json")), new { dataset = "sales" });

        for (var timer = 1; timer <= 3; timer++)
            await host.AdvanceAfterTimersAsync(id, timer, TimeSpan.FromSeconds(30));
        var result = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var output = result.ReadOutputAs<WorkflowRunOutput>()!.Output!;
        Assert.Equal("https://export.example/files/job-7.csv", output["url"]!.GetValue<string>());
        Assert.Equal("3", output["polls"]!.ToJsonString());
    }

    private static (decimal Balance, decimal Held) Balance(LedgerAccount? account) => (account!.Balance, account.Held);

    private static object Order(string orderId) => new { orderId, customerId = "c-1", items = Lines, amount = 42.5 };

    private static async Task<Warehouse> StockAsync(WorkflowTestHost host)
    {
        var warehouse = host.Services.GetRequiredService<Warehouse>();
        await warehouse.SetStockAsync("book", 10);
        await warehouse.SetStockAsync("pen", 10);
        return warehouse;
    }

    // The scripted outside world: a CRM, data sources, an export service that finishes on the third poll.
    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var url = request.RequestUri!.ToString();
        _requests.Enqueue($"{request.Method} {url}");
        var body = url switch
        {
            _ when url.StartsWith("https://crm.example/", StringComparison.Ordinal) => """{ "vip": false, "customer": "acme" }""",
            _ when url == "https://export.example/jobs" => """{ "jobId": "job-7" }""",
            _ when url.StartsWith("https://export.example/jobs/", StringComparison.Ordinal) => Interlocked.Increment(ref _polls) < 3
                ? """{ "status": "running" }"""
                : """{ "status": "done", "downloadUrl": "https://export.example/files/job-7.csv" }""",
            _ when url.EndsWith("/files", StringComparison.Ordinal) => """{ "files": [ { "name": "a.csv" }, { "name": "b.csv" }, { "name": "c.csv" } ] }""",
            _ when request.Method == HttpMethod.Get => """{ "total": 2 }""",
            _ => """{ "ok": true, "id": "x-1" }""",
        };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
