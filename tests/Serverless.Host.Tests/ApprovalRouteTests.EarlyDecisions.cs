using System.Net;
using Serverless.Activities.Approvals;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>A decision that comes before the instance asked for it waits for the request instead of a 404.</summary>
public sealed partial class ApprovalRouteTests
{
    private const string GoThenApprove = """
        { "name": "go-then-approve", "version": 1,
          "steps": [
            { "id": "go", "kind": "wait", "event": "go" },
            { "id": "decide", "kind": "approval", "approvers": ["alice"], "quorum": 1, "request": { "subject": "Late request" } } ] }
        """;

    [Fact]
    public async Task Decide_BeforeTheInstanceRequestsIt_WaitsAndIsRecorded()
    {
        await _host.PublishOkAsync(GoThenApprove);
        await _host.StartAsync("go-then-approve", null, "early-1");
        await _host.WaitForStartedAsync("early-1");

        var decide = SendAsync(HttpMethod.Post, "/api/approvals/early-1/decide", "alice", new { approved = true });
        await _host.Durable.RaiseEventAsync("early-1", "go", new { });
        var response = await decide;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Completed", (await _host.WaitForCompletionAsync("early-1")).RuntimeStatus.ToString());
        var record = await _host.Get<ApprovalInbox>().GetAsync("early-1", "decide");
        Assert.Equal("alice", Assert.Single(record!.Decisions).Approver);
    }

    [Fact]
    public async Task Decide_RunningInstanceThatNeverRequests_Returns404OnceTheWaitIsOver()
    {
        await _host.PublishOkAsync(TestWorkflows.Wait);
        await _host.StartAsync("wait-flow", null, "never-asks");
        await _host.WaitForStartedAsync("never-asks");
        var waitStarted = _host.Time.GetUtcNow();

        var decide = SendAsync(HttpMethod.Post, "/api/approvals/never-asks/decide", "alice", new { approved = true });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!decide.IsCompleted && await every.WaitForNextTickAsync(timeout.Token))
        {
            _host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var problem = await TestHost.ReadProblemAsync(await decide, 404);
        Assert.Contains("decide", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.True(_host.Time.GetUtcNow() - waitStarted >= TimeSpan.FromSeconds(10), "The decision gave up before ApprovalRequestWait.");
        Assert.Null(await _host.Get<ApprovalInbox>().GetAsync("never-asks", "decide"));
    }
}
