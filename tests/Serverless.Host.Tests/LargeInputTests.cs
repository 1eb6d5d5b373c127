using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Api.Workflows;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>
/// Values larger than one Table property (a 40 KB expense <c>purpose</c> flows into the approval request and the
/// audit trail) are stored whole and the run completes; an input larger than the trail holds is refused at start.
/// </summary>
public sealed class LargeInputTests
{
    [Fact]
    public async Task ExpenseApproval_40KBPurposeOnSqlite_CompletesWithThePurposeStoredWhole()
    {
        await using var host = new TestHost();

        await RunExpenseWithLargePurposeAsync(host);
    }

    [AzuriteFact]
    public async Task ExpenseApproval_40KBPurposeOnAzurite_CompletesWithThePurposeStoredWhole()
    {
        AzuriteEnvironment.EnsureReachable();
        await using var host = new TestHost(settings: new Dictionary<string, string?> { ["AzureWebJobsStorage"] = AzuriteEnvironment.ConnectionString });

        await RunExpenseWithLargePurposeAsync(host);
    }

    [Fact]
    public async Task Start_InputLongerThanTheTrailHolds_Refused413AndNothingStarts()
    {
        await using var host = new TestHost();
        await host.PublishOkAsync(await File.ReadAllTextAsync(SamplePath()));
        var input = new { employee = "sam", amount = 120, purpose = new string('p', WorkflowStarter.MaxInputChars) };

        var response = await host.Client.PostAsJsonAsync("/api/workflows/expense-approval/instances/expense-huge", input);

        var problem = await TestHost.ReadProblemAsync(response, 413);
        Assert.Contains(WorkflowStarter.MaxInputChars.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Null(await host.Durable.GetInstanceAsync("expense-huge"));
    }

    private static async Task RunExpenseWithLargePurposeAsync(TestHost host)
    {
        var id = "expense-" + Guid.NewGuid().ToString("N")[..8];
        var purpose = string.Concat(Enumerable.Range(0, 4000).Select(i => $"trip {i:D4} ")); // 40,000 characters
        await host.PublishOkAsync(await File.ReadAllTextAsync(SamplePath()));

        await host.StartAsync("expense-approval", new { employee = "sam", amount = 120, purpose }, id);
        await host.WaitForActivityAsync(id, "RequestApproval");
        var inbox = await TestHost.ReadJsonAsync(await Decide(host, HttpMethod.Get, "/api/approvals", "manager.alice"));
        var details = inbox.AsArray().Single(a => (string)a!["instanceId"]! == id)!["details"]!;
        Assert.Contains(purpose, details.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await Decide(host, HttpMethod.Post, $"/api/approvals/{id}/decide", "manager.alice")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Decide(host, HttpMethod.Post, $"/api/approvals/{id}/decide", "manager.bob")).StatusCode);
        Assert.Equal("Completed", (await host.WaitForCompletionAsync(id)).RuntimeStatus.ToString());

        var trail = await TestHost.ReadJsonAsync(await host.Client.GetAsync($"/api/instances/{id}/audit"));
        var entries = trail["entries"]!.AsArray();
        Assert.True((bool)trail["verification"]!["intact"]!);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => (long)e!["sequence"]!));
        Assert.Equal("WorkflowStarted", (string)entries[0]!["eventType"]!);
        Assert.Equal(purpose, (string)entries[0]!["details"]!["input"]!["purpose"]!);
        var types = entries.Select(e => (string)e!["eventType"]!).ToList();
        Assert.True(types.IndexOf("expense.submitted") > types.IndexOf("StepScheduled"), string.Join(", ", types));
        Assert.Equal("WorkflowCompleted", types[^1]);
    }

    private static async Task<HttpResponseMessage> Decide(TestHost host, HttpMethod method, string path, string principal)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-ms-client-principal-name", principal);
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { approved = true });
        }

        return await host.Client.SendAsync(request);
    }

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "expense-approval.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("samples/expense-approval.json not found above the test output folder.");
    }
}
