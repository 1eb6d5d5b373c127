using System.Net;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests.Roles;

/// <summary>
/// Each role over HTTP on the real host: every capability it lacks is a 403 problem naming the role needed, written to
/// the access trail (who, route, role, when; no key), and nothing else stored changes.
/// </summary>
public sealed class RoleRefusalTests(RolesHost fixture) : IClassFixture<RolesHost>
{
    public static TheoryData<string, string> Roles => new()
    {
        { "reader", RolesHost.ReaderKey },
        { "author", RolesHost.AuthorKey },
        { "ops", RolesHost.OperatorKey },
        { "alice", RolesHost.AliceKey },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task ForbiddenCapabilities_EachRole_Answer403AuditedAndChangeNothing(string keyName, string key)
    {
        var forbidden = keyName switch
        {
            "reader" => [.. RoleCall.Author, .. RoleCall.Operator, .. RoleCall.Approver],
            "author" => [.. RoleCall.Operator, .. RoleCall.Approver],
            "ops" => [.. RoleCall.Author, .. RoleCall.Approver],
            "alice" => RoleCall.Author.Concat(RoleCall.Operator).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(keyName)),
        };

        // A first refusal creates the access trail's tables, so the snapshot below holds everything a refusal can touch.
        await fixture.SendAsync(RolesHost.ReaderKey, "POST", "/api/definitions", TestWorkflows.EchoV2);
        var before = fixture.SnapshotWithoutAccessTrail();
        var failures = new List<string>();

        foreach (var call in forbidden)
        {
            var auditedBefore = (await fixture.AccessTrailAsync()).Count;
            var started = DateTimeOffset.UtcNow;
            var response = await fixture.SendAsync(key, call.Method, call.Path, call.Body);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{keyName} {call.Method} {call.Path}: {(int)response.StatusCode} {text}");
                continue;
            }

            var problem = JsonNode.Parse(text)!;
            if ((string?)problem["requiredRole"] != call.Needs || !((string)problem["detail"]!).Contains($"needs the {call.Needs} role", StringComparison.Ordinal))
            {
                failures.Add($"{keyName} {call.Method} {call.Path}: problem does not name the {call.Needs} role: {text}");
            }

            var trail = await fixture.AccessTrailAsync();
            var entry = trail[^1]!;
            if (trail.Count != auditedBefore + 1
                || (string?)entry["eventType"] != "AccessRefused"
                || (string?)entry["actor"] != keyName
                || (string?)entry["details"]!["route"] != call.Route
                || (string?)entry["details"]!["requiredRole"] != call.Needs
                || (string?)entry["details"]!["method"] != call.Method
                || DateTimeOffset.Parse((string)entry["time"]!, System.Globalization.CultureInfo.InvariantCulture) < started.AddSeconds(-1))
            {
                failures.Add($"{keyName} {call.Method} {call.Path}: not audited as expected: {entry?.ToJsonString()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, fixture.SnapshotWithoutAccessTrail());
    }

    [Fact]
    public async Task Refusal_KeySentAsCode_KeyAppearsInNoAnswerTrailStoreOrLog()
    {
        var response = await fixture.SendAsync(null, "POST", $"/api/definitions/echo-flow/active?code={RolesHost.ReaderKey}", """{"version":1}""");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        var trail = await fixture.AccessTrailAsync();
        var entry = trail[^1]!;
        Assert.Equal("/api/definitions/echo-flow/active", (string?)entry["details"]!["path"]);
        foreach (var key in new[] { RolesHost.ReaderKey, RolesHost.AuthorKey, RolesHost.OperatorKey, RolesHost.AliceKey, KestrelHostKey })
        {
            Assert.DoesNotContain(key, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(key, trail.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(key, Infrastructure.StoreSnapshot.Take(fixture.Host.DataDirectory), StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.Host.Logs.Lines, line => line.AllText.Contains(key, StringComparison.Ordinal));
        }

        Assert.Contains(fixture.Host.Logs.Lines, line => line.Message == "Refused ActivateDefinitionVersion (needs author) for a caller recognised by key 'reader'.");
    }

    [Fact]
    public async Task MissingOrUnknownKey_Answers401AndIsNotAudited()
    {
        var before = (await fixture.AccessTrailAsync()).Count;

        var none = await fixture.SendAsync(null, "POST", "/api/definitions", TestWorkflows.EchoV2);
        var unknown = await fixture.SendAsync("unknown-key-0123456789abcdef", "POST", "/api/definitions", TestWorkflows.EchoV2);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (await fixture.AccessTrailAsync()).Count);
    }

    [Fact]
    public async Task DecideApproval_ApproverNotListedOnStep_RefusedByTheInbox()
    {
        await fixture.Host.Client.PostAsync("/api/workflows/approve-flow/instances/carol-1", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await fixture.WaitForApprovalRequestAsync("carol-1");

        var response = await fixture.SendAsync(RolesHost.CarolKey, "POST", "/api/approvals/carol-1/decide", """{"approved":true}""");

        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not an approver", (string?)problem["title"]);
        var entry = (await fixture.AccessTrailAsync())[^1]!;
        Assert.Equal("carol", (string?)entry["actor"]);
        Assert.Equal("DecideApproval", (string?)entry["details"]!["route"]);
        Assert.Contains("carol", (string?)entry["details"]!["reason"], StringComparison.Ordinal);
    }

    private const string KestrelHostKey = Infrastructure.KestrelHost.Key;
}
