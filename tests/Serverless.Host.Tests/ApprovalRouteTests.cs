using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Activities.Approvals;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed partial class ApprovalRouteTests : IAsyncLifetime
{
    private readonly TestHost _host = new();
    private string _id = string.Empty;

    public async Task InitializeAsync()
    {
        await _host.PublishOkAsync(TestWorkflows.Approval);
        _id = (string)(await _host.StartAsync("approve-flow", null))["id"]!;
        await _host.WaitForActivityAsync(_id, "RequestApproval");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListPending_ListedApprover_SeesTheRequest()
    {
        var alice = await SendAsync(HttpMethod.Get, "/api/approvals", "alice");
        var carol = await SendAsync(HttpMethod.Get, "/api/approvals", "carol");

        var pending = (await TestHost.ReadJsonAsync(alice)).AsArray();
        Assert.Equal(_id, (string?)pending.Single()!["instanceId"]);
        Assert.Equal("decide", (string?)pending.Single()!["stepId"]);
        Assert.Equal("Please approve", (string?)pending.Single()!["title"]);
        Assert.Empty((await TestHost.ReadJsonAsync(carol)).AsArray());
    }

    [Fact]
    public async Task Decide_ListedApprover_Returns202AndWorkflowCompletesApproved()
    {
        var response = await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/decide", "bob", new { approved = true, comment = "fine" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await TestHost.ReadJsonAsync(response);
        Assert.Equal("bob", (string?)body["approver"]);
        var done = await _host.WaitForCompletionAsync(_id);
        Assert.Equal("Completed", done.RuntimeStatus.ToString());
        Assert.Contains("approved", done.SerializedOutput, StringComparison.Ordinal);
        var trail = await TestHost.ReadJsonAsync(await _host.Client.GetAsync($"/api/instances/{_id}/audit"));
        var decided = trail["entries"]!.AsArray().Single(e => (string?)e!["eventType"] == "ApprovalDecided")!;
        Assert.Equal("bob", (string?)decided["actor"]);
        Assert.Equal("fine", (string?)decided["details"]!["comment"]);
        Assert.True((bool)trail["verification"]!["intact"]!);
    }

    [Fact]
    public async Task RaiseEvent_RawApprovalEventNamingListedApprover_DecidesNothing()
    {
        var raw = await _host.Client.PostAsJsonAsync(
            $"/runtime/webhooks/durabletask/instances/{_id}/raiseEvent/approval:decide", new { approver = "alice", approved = true });
        Assert.Equal(HttpStatusCode.Accepted, raw.StatusCode);
        await _host.WaitForActivityAsync(_id, ConfirmApprovalDecision.Name);

        Assert.Equal("Running", (await _host.Durable.GetInstanceAsync(_id))!.RuntimeStatus.ToString());
        Assert.Empty((await _host.Get<ApprovalInbox>().GetAsync(_id, "decide"))!.Decisions);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/decide", "bob", new { approved = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/decide", "alice", new { approved = false })).StatusCode);
        var done = await _host.WaitForCompletionAsync(_id);
        Assert.Contains("rejected", done.SerializedOutput, StringComparison.Ordinal);
        var trail = await TestHost.ReadJsonAsync(await _host.Client.GetAsync($"/api/instances/{_id}/audit"));
        var entries = trail["entries"]!.AsArray();
        Assert.Equal(["bob", "alice"], entries.Where(e => (string?)e!["eventType"] == "ApprovalDecided").Select(e => (string?)e!["actor"]));
        Assert.DoesNotContain(entries, e => (string?)e!["eventType"] == "ApprovalDecided" && (bool?)e!["details"]!["approved"] == true);
        Assert.Single(entries, e => (string?)e!["eventType"] == "ApprovalIgnored");
    }

    [Theory]
    [InlineData("ali\u202Ece")]
    [InlineData("alice\u2066")]
    [InlineData("\u200Balice")]
    public async Task Approvals_PrincipalWithInvisibleFormatCharacters_Returns400AndRecordsNothing(string principal)
    {
        await TestHost.ReadProblemAsync(await SendAsync(HttpMethod.Get, "/api/approvals", principal), 400);
        await TestHost.ReadProblemAsync(await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/decide", principal, new { approved = true }), 400);

        Assert.Empty((await _host.Get<ApprovalInbox>().GetAsync(_id, "decide"))!.Decisions);
    }

    [Fact]
    public async Task Decide_NotListedApprover_Returns403AndRecordsNothing()
    {
        var response = await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/decide", "mallory", new { approved = true });

        await TestHost.ReadProblemAsync(response, 403);
        var record = await _host.Get<ApprovalInbox>().GetAsync(_id, "decide");
        Assert.Empty(record!.Decisions);
        Assert.Equal("Running", (await _host.Durable.GetInstanceAsync(_id))!.RuntimeStatus.ToString());
    }

    [Fact]
    public async Task Decide_SameApproverTwice_SecondReturns409()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/decide", "alice", new { approved = false })).StatusCode);

        var again = await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/decide", "alice", new { approved = true });

        await TestHost.ReadProblemAsync(again, 409);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/decide", "bob", new { approved = false })).StatusCode);
        var done = await _host.WaitForCompletionAsync(_id);
        Assert.Contains("rejected", done.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WithoutPrincipal_Returns401()
    {
        var response = await _host.Client.PostAsJsonAsync($"/api/approvals/{_id}/decide", new { approved = true });

        await TestHost.ReadProblemAsync(response, 401);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"approved\":\"yes\"}")]
    [InlineData("{\"approved\":true,\"approver\":\"alice\"}")]
    [InlineData("not json")]
    public async Task Decide_BadBody_Returns400AndRecordsNothing(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{_id}/decide") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("x-ms-client-principal-name", "alice");

        await TestHost.ReadProblemAsync(await _host.Client.SendAsync(request), 400);
        Assert.Empty((await _host.Get<ApprovalInbox>().GetAsync(_id, "decide"))!.Decisions);
    }

    [Fact]
    public async Task Decide_UnknownStepOrInstance_Returns404()
    {
        await TestHost.ReadProblemAsync(await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/nostep", "alice", new { approved = true }), 404);
        await TestHost.ReadProblemAsync(await SendAsync(HttpMethod.Post, "/api/approvals/ghost/decide", "alice", new { approved = true }), 404);
    }

    [Fact]
    public async Task Decide_FinishedInstance_Returns410()
    {
        await _host.Durable.TerminateInstanceAsync(_id, "stop");
        await _host.WaitForCompletionAsync(_id);

        await TestHost.ReadProblemAsync(await SendAsync(HttpMethod.Post, $"/api/approvals/{_id}/decide", "alice", new { approved = true }), 410);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string principal, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-ms-client-principal-name", principal);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return _host.Client.SendAsync(request);
    }
}
