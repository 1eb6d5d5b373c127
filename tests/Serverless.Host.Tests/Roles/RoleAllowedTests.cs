using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests.Roles;

/// <summary>Each role over HTTP on the real host: what it may do goes through, acting as the key's name.</summary>
public sealed class RoleAllowedTests(RolesHost fixture) : IClassFixture<RolesHost>
{
    private const string Durable = "/runtime/webhooks/durabletask";

    [Fact]
    public async Task Reader_EveryKindOfRead_Succeeds()
    {
        foreach (var path in new[]
        {
            "/api/definitions", "/api/definitions/echo-flow", "/api/definitions/echo-flow/versions", "/api/workflows/echo-flow/metrics",
            "/api/schedules", "/api/schedules/nightly", "/api/instances/waiting-1/audit", "/api/approvals", "/api/me",
            $"{Durable}/instances", $"{Durable}/instances/waiting-1",
        })
        {
            var response = await fixture.SendAsync(RolesHost.ReaderKey, "GET", path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Author_PublishAndActivate_SucceedAsTheKeysName()
    {
        var published = await fixture.SendAsync(RolesHost.AuthorKey, "POST", "/api/definitions", TestWorkflows.EchoV2.Replace("echo-flow", "author-flow", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);

        var activated = await fixture.SendAsync(RolesHost.AuthorKey, "POST", "/api/definitions/echo-flow/active", """{"version":1}""");
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);

        var versions = JsonNode.Parse(await (await fixture.SendAsync(RolesHost.ReaderKey, "GET", "/api/definitions/author-flow/versions")).Content.ReadAsStringAsync())!;
        Assert.Equal("author", (string?)versions["versions"]![0]!["publishedBy"]);
    }

    [Fact]
    public async Task Operator_StartScheduleAndTerminate_SucceedAndManagementUrlsCarryTheOperatorsKey()
    {
        var started = await fixture.SendAsync(RolesHost.OperatorKey, "POST", "/api/workflows/approve-flow/instances/ops-1", "{}");
        var payload = JsonNode.Parse(await started.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var terminateUri = ((string)payload["terminatePostUri"]!).Replace("{text}", "done", StringComparison.Ordinal);
        Assert.Contains($"code={RolesHost.OperatorKey}", terminateUri, StringComparison.Ordinal);
        Assert.DoesNotContain(Infrastructure.KestrelHost.Key, payload.ToJsonString(), StringComparison.Ordinal);

        var scheduled = await fixture.SendAsync(RolesHost.OperatorKey, "PUT", "/api/schedules/ops-schedule", """{"workflow":"echo-flow","cron":"0 0 4 * * *","input":{"text":"x"},"paused":true}""");
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);

        await fixture.WaitForApprovalRequestAsync("ops-1");
        var terminated = await fixture.SendAsync(null, "POST", new Uri(terminateUri).PathAndQuery);
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        var audit = JsonNode.Parse(await (await fixture.SendAsync(RolesHost.ReaderKey, "GET", "/api/instances/ops-1/audit")).Content.ReadAsStringAsync())!;
        Assert.Contains(audit["entries"]!.AsArray(), e => (string?)e!["eventType"] == "WorkflowStarted" && (string?)e["actor"] == "ops");
    }

    [Fact]
    public async Task Approver_ListedOnTheStep_DecidesAsTheKeysName()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.Host.Client.PostAsync("/api/workflows/approve-flow/instances/alice-1", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        await fixture.WaitForApprovalRequestAsync("alice-1");

        var inbox = JsonNode.Parse(await (await fixture.SendAsync(RolesHost.AliceKey, "GET", "/api/approvals")).Content.ReadAsStringAsync())!.AsArray();
        var decided = await fixture.SendAsync(RolesHost.AliceKey, "POST", "/api/approvals/alice-1/decide", """{"approved":true}""");

        Assert.Contains(inbox, a => (string?)a!["instanceId"] == "alice-1");
        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await fixture.Host.Services.GetRequiredService<RuntimeService>().Client.WaitForInstanceCompletionAsync("alice-1", false, limit.Token);
        }

        var audit = JsonNode.Parse(await (await fixture.SendAsync(RolesHost.AliceKey, "GET", "/api/instances/alice-1/audit")).Content.ReadAsStringAsync())!;
        Assert.Contains(audit["entries"]!.AsArray(), e => (string?)e!["eventType"] == "ApprovalDecided" && (string?)e["actor"] == "alice");
    }

    [Theory]
    [InlineData(RolesHost.ReaderKey, "reader", "reader")]
    [InlineData(RolesHost.OperatorKey, "ops", "operator")]
    [InlineData(Infrastructure.KestrelHost.Key, null, "admin")]
    public async Task Me_EachKey_AnswersItsNameAndRoles(string key, string? name, string role)
    {
        var me = JsonNode.Parse(await (await fixture.SendAsync(key, "GET", "/api/me")).Content.ReadAsStringAsync())!;

        Assert.Equal(name, (string?)me["name"]);
        Assert.Equal([role], me["roles"]!.AsArray().Select(r => (string)r!));
    }
}
