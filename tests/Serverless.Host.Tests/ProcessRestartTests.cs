using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed class ProcessRestartTests
{
    private const string SlowSaga = """
        { "name": "slow-saga", "version": 1, "onFailure": "compensate",
          "steps": [
            { "id": "reserve", "kind": "activity", "activity": "reserveInventory",
              "input": { "orderId": "{{input.orderId}}", "items": [ { "sku": "widget", "quantity": 1 } ] },
              "compensate": { "activity": "releaseInventory", "input": { "reservationId": "{{steps.reserve.output.reservationId}}" } } },
            { "id": "pause", "kind": "delay", "duration": "PT3S" },
            { "id": "charge", "kind": "activity", "activity": "chargePayment",
              "input": { "customerId": "c1", "amount": 10, "reference": "{{input.orderId}}" } },
            { "id": "ship", "kind": "activity", "activity": "createShipment",
              "input": { "orderId": "{{input.orderId}}", "reservationId": "{{steps.reserve.output.reservationId}}" } } ] }
        """;

    [Fact]
    public async Task KillMidRun_RestartOnSameData_EveryInstanceFinishes()
    {
        using var data = new TempFolder("process");
        const string key = "process-test-key-0123456789";
        string saga, approval;

        await using (var first = await HostProcess.StartAsync(data.Path, key))
        {
            using var http = Client(first, key);
            Assert.True((await http.PostAsync("/api/definitions", new StringContent(SlowSaga, Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
            Assert.True((await http.PostAsync("/api/definitions", new StringContent(TestWorkflows.Approval, Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
            saga = await StartAsync(http, "slow-saga", new { orderId = "o-crash" });
            approval = await StartAsync(http, "approve-flow", null);
            await WaitUntilAsync(http, approval, s => (int?)s["customStatus"]?["stepsCompleted"] is not null && (string?)s["customStatus"]?["currentStep"] == "decide");
            await WaitUntilAsync(http, saga, s => (string?)s["customStatus"]?["currentStep"] == "pause");

            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(data.Path, key);
        using var client = Client(second, key);
        await PollAsync(async token =>
        {
            using var pending = new HttpRequestMessage(HttpMethod.Get, "/api/approvals");
            pending.Headers.Add("x-ms-client-principal-name", "alice");
            return (await TestHost.ReadJsonAsync(await client.SendAsync(pending, token))).AsArray().Count == 1;
        });
        using var decide = new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{approval}/decide") { Content = JsonContent.Create(new { approved = true }) };
        decide.Headers.Add("x-ms-client-principal-name", "alice");
        var decided = await client.SendAsync(decide);
        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);

        var sagaDone = await WaitUntilAsync(client, saga, s => (string?)s["runtimeStatus"] is "Completed" or "Failed" or "Terminated");
        var approvalDone = await WaitUntilAsync(client, approval, s => (string?)s["runtimeStatus"] is "Completed" or "Failed" or "Terminated");

        Assert.Equal("Completed", (string?)sagaDone["runtimeStatus"]);
        Assert.Equal(4, (int)sagaDone["customStatus"]!["stepsCompleted"]!);
        Assert.Equal("Completed", (string?)approvalDone["runtimeStatus"]);
        Assert.Contains("approved", approvalDone["output"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private static HttpClient Client(HostProcess host, string key)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    private static async Task<string> StartAsync(HttpClient http, string workflow, object? input)
    {
        var response = await http.PostAsJsonAsync($"/api/workflows/{workflow}/instances", input);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await TestHost.ReadJsonAsync(response))["id"]!;
    }

    // Another process: no in-memory signal to wait on, so the status route is polled until the condition holds.
    private static async Task<JsonObject> WaitUntilAsync(HttpClient http, string id, Func<JsonObject, bool> condition)
    {
        JsonObject status = [];
        await PollAsync(async token =>
        {
            status = (await TestHost.ReadJsonAsync(await http.GetAsync($"/runtime/webhooks/durabletask/instances/{id}", token))).AsObject();
            return condition(status);
        });
        return status;
    }

    private static async Task PollAsync(Func<CancellationToken, Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition(timeout.Token))
        {
            await every.WaitForNextTickAsync(timeout.Token);
        }
    }
}
