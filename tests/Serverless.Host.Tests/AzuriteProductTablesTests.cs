using System.Net;
using System.Net.Http.Json;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>The host with <c>AzureWebJobsStorage</c> pointing at Azurite: product tables on Azure Tables, history in the embedded store.</summary>
public sealed class AzuriteProductTablesTests
{
    [AzuriteFact]
    public async Task Host_OnAzurite_PublishesStartsApprovesAuditsAndSchedules()
    {
        AzuriteEnvironment.EnsureReachable();
        var connection = AzuriteEnvironment.ConnectionString;
        await using var host = new TestHost(settings: new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection });
        var name = "az-" + Guid.NewGuid().ToString("N")[..12];
        await host.PublishOkAsync(TestWorkflows.Approval.Replace("approve-flow", name, StringComparison.Ordinal));

        var id = (string)(await host.StartAsync(name, null))["id"]!;
        await host.WaitForActivityAsync(id, "RequestApproval");
        using var decide = new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{id}/decide") { Content = JsonContent.Create(new { approved = true }) };
        decide.Headers.Add("x-ms-client-principal-name", "alice");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(decide)).StatusCode);
        Assert.Equal("Completed", (await host.WaitForCompletionAsync(id)).RuntimeStatus.ToString());

        var versions = await TestHost.ReadJsonAsync(await host.Client.GetAsync($"/api/definitions/{name}/versions"));
        Assert.Single(versions["versions"]!.AsArray());
        var trail = await TestHost.ReadJsonAsync(await host.Client.GetAsync($"/api/instances/{id}/audit"));
        Assert.True((bool)trail["verification"]!["intact"]!);
        Assert.Contains(trail["entries"]!.AsArray(), e => (string?)e!["eventType"] == "ApprovalDecided");
        var put = await host.Client.PutAsJsonAsync($"/api/schedules/{name}", new { workflow = name, cron = "0 0 3 * * *", timeZone = "Europe/Berlin" });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(5, (await TestHost.ReadJsonAsync(await host.Client.GetAsync($"/api/schedules/{name}")))["nextFireTimes"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/schedules/{name}")).StatusCode);
    }

    [AzuriteFact]
    public async Task Host_OnAzurite_RefusedCallIsInTheAccessTrail()
    {
        AzuriteEnvironment.EnsureReachable();
        const string ReaderKey = "azurite-reader-key-0123456789";
        await using var host = new TestHost(settings: new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = AzuriteEnvironment.ConnectionString, ["Keys:viewer:Key"] = ReaderKey, ["Keys:viewer:Roles"] = "reader",
        });
        var name = "az-" + Guid.NewGuid().ToString("N")[..12];
        using var refused = new HttpRequestMessage(HttpMethod.Post, $"/api/definitions/{name}/active") { Content = JsonContent.Create(new { version = 1 }) };
        refused.Headers.Add("x-functions-key", ReaderKey);

        var response = await host.Anonymous.SendAsync(refused);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var trail = await TestHost.ReadJsonAsync(await host.Client.GetAsync("/api/instances/~access/audit"));
        Assert.True((bool)trail["verification"]!["intact"]!);
        var entry = Assert.Single(trail["entries"]!.AsArray(), e => (string?)e!["details"]!["path"] == $"/api/definitions/{name}/active");
        Assert.Equal("viewer", (string?)entry!["actor"]);
        Assert.Equal("author", (string?)entry["details"]!["requiredRole"]);
    }
}
