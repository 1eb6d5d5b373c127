using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api.Routing;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Runtime.History;
using Xunit.Abstractions;

namespace Serverless.Host.Tests;

/// <summary>
/// Hostile input at every route that takes input, over the real server on an ephemeral port: bad JSON, sizes,
/// nesting, ids, keys, principals, crons, expressions, query values and requests the server itself refuses. Each
/// answer must be a 4xx problem document, and nothing stored (instances, history, definitions, schedules,
/// approvals, audit trail) may change.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Json = "application/json";
    private const string Bidi = "%E2%80%AE";
    private static readonly string Deep = new string('[', 100) + new string(']', 100);
    private static readonly string TooLarge = "{\"x\":\"" + new string('a', 1024 * 1024) + "\"}";
    private static readonly string[] BadJson = ["{", "{\"a\":}", "\u0000\u0001", "[1,]", "{\"a\":1}{", Deep, "{\"a\":\"\\ud800\"}"];

    private KestrelHost _host = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _host = new KestrelHost(new Dictionary<string, string?> { ["Secrets:HOSTILE_HOOK"] = "hostile-hook-secret-77aa" });
        _anonymous = new HttpClient { BaseAddress = _host.BaseAddress };
        foreach (var definition in new[] { TestWorkflows.Echo, TestWorkflows.Approval, TestWorkflows.Wait })
        {
            Assert.Equal(HttpStatusCode.Created, (await _host.Client.PostAsync("/api/definitions", new StringContent(definition, Encoding.UTF8, Json))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.PostAsJsonAsync("/api/workflows/echo-flow/instances/done-1", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.PostAsJsonAsync("/api/workflows/approve-flow/instances/pending-1", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _host.Client.PutAsJsonAsync("/api/triggers/shop", new
        {
            auth = new { mode = "signature", secret = "HOSTILE_HOOK" },
            rules = new[] { new { id = "paid", when = "body.status == 'paid'", start = new { workflow = "echo-flow", input = new { text = "{{body.order}}" } } } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _host.Client.PutAsJsonAsync("/api/schedules/nightly", new { workflow = "echo-flow", cron = "0 0 2 * * *", input = new { text = "n" }, paused = true })).StatusCode);
        var runtime = _host.Services.GetRequiredService<RuntimeService>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await runtime.Client.WaitForInstanceCompletionAsync("done-1", false, limit.Token);
        await runtime.Runtime.WaitForHistoryAsync("pending-1", history =>
        {
            var scheduled = history.OfType<TaskScheduled>().Where(e => e.Name == "RequestApproval").Select(e => e.EventId).ToHashSet();
            return history.OfType<TaskCompleted>().Any(e => scheduled.Contains(e.TaskScheduledId));
        }, limit.Token);
    }

    public async Task DisposeAsync()
    {
        _anonymous.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task EveryRouteTakingInput_HostileRequests_Answer4xxProblemJsonAndChangeNothingStored()
    {
        var before = StoreSnapshot.Take(_host.DataDirectory);
        Assert.All(new[] { "done-1", "pending-1", "nightly", "echo-flow", "WorkflowStarted", "ApprovalRequested", "HOSTILE_HOOK" }, stored => Assert.Contains(stored, before, StringComparison.Ordinal));
        var failures = new List<string>();

        foreach (var hostile in Cases())
        {
            using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path);
            if (hostile.Body is { } body)
            {
                request.Content = body is byte[] bytes ? new ByteArrayContent(bytes) : new StringContent((string)body, Encoding.UTF8);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(hostile.ContentType);
            }

            request.Headers.Add("x-functions-key", KestrelHost.Key);
            if (hostile.Principal is { } principal)
            {
                request.Headers.TryAddWithoutValidation("x-ms-client-principal-name", principal);
            }

            HttpResponseMessage response;
            try
            {
                response = await _anonymous.SendAsync(request);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{hostile.Method} {hostile.Path} [{Shorten(hostile.Body)}]: no answer ({e.InnerException?.Message ?? e.Message})");
                continue;
            }

            if (await ProblemAsync(response, hostile.Status) is { } problem)
            {
                failures.Add($"{hostile.Method} {hostile.Path} [{Shorten(hostile.Body)}]: {problem}");
            }
        }

        foreach (var (raw, status) in RawCases())
        {
            var response = await _host.SendRawAsync(raw);
            if (response.Status != status || response.ContentType != "application/problem+json" || ProblemStatus(response.Body) != status)
            {
                failures.Add($"raw [{Shorten(Encoding.UTF8.GetString(raw))}]: {response.Status} {response.ContentType} {response.Body}");
            }
        }

        output.WriteLine($"{Cases().Count()} hostile requests and {RawCases().Count()} raw ones; {failures.Count} wrong answers.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // A refused decision (mallory is no listed approver) is recorded in the access trail, and nothing else is.
        var after = StoreSnapshot.Take(_host.DataDirectory);
        Assert.Equal(WithoutAccessTrail(before), WithoutAccessTrail(after));
        Assert.Contains("~access", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryKeyedRoute_MissingOrWrongKey_Answers401ProblemJsonAndChangesNothing()
    {
        var before = StoreSnapshot.Take(_host.DataDirectory);
        var failures = new List<string>();
        var routes = ApiRoutes.All.Select(r => (Route: r, Prefix: ApiRoutes.Prefix)).Concat(DurableApiRoutes.All.Select(r => (Route: r, Prefix: DurableApiRoutes.Prefix)));

        foreach (var (route, prefix) in routes.Where(r => r.Route.Authorization != RouteAuthorization.Anonymous))
        {
            var path = $"/{prefix}/" + route.Route
                .Replace("{instanceId?}", "keyless-1", StringComparison.Ordinal).Replace("{instanceId}", "pending-1", StringComparison.Ordinal)
                .Replace("{name}", "echo-flow", StringComparison.Ordinal).Replace("{functionName}", "RunWorkflow", StringComparison.Ordinal)
                .Replace("{stepId}", "decide", StringComparison.Ordinal).Replace("{id}", "nightly", StringComparison.Ordinal)
                .Replace("{eventName}", "approval:decide", StringComparison.Ordinal);
            foreach (var method in route.Methods)
            {
                foreach (var key in new[] { null, "wrong-key-0123456789abcdef" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path + (key is null ? string.Empty : "?code=" + key));
                    request.Headers.Add("x-ms-client-principal-name", "alice");
                    if (method is "POST" or "PUT")
                    {
                        request.Content = new StringContent("""{"approved":true,"version":1,"workflow":"echo-flow","cron":"0 0 3 * * *","text":"x"}""", Encoding.UTF8, Json);
                    }

                    if (await ProblemAsync(await _anonymous.SendAsync(request), 401) is { } problem)
                    {
                        failures.Add($"{method} {path} key={key ?? "(none)"}: {problem}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, StoreSnapshot.Take(_host.DataDirectory));
    }

    private static string WithoutAccessTrail(string snapshot) =>
        string.Join('\n', snapshot.Split('\n').Where(line => !line.Contains(Serverless.Audit.AuditStreams.Access, StringComparison.Ordinal)));

    private static IEnumerable<Hostile> Cases()
    {
        // Publishing: bad JSON, sizes, nesting, invalid definitions, names, expressions, YAML.
        foreach (var body in BadJson.Append("null").Append("[]").Append("\"text\""))
            yield return new("POST", "/api/definitions", body);
        yield return new("POST", "/api/definitions", new byte[] { 0x7B, 0xFF, 0xFE, 0x7D });
        yield return new("POST", "/api/definitions", TooLarge, Status: 413);
        yield return new("POST", "/api/definitions", TestWorkflows.Invalid, Status: 400);
        yield return new("POST", "/api/definitions", TestWorkflows.Echo.Replace("{{input.text}}", "{{input.other}}", StringComparison.Ordinal), Status: 409);
        yield return new("POST", "/api/definitions", """{"name":"ab\u202Ecd","version":1,"steps":[{"id":"a","kind":"activity","activity":"echo"}]}""", Status: 400);
        yield return new("POST", "/api/definitions", """{"name":"expr","version":1,"steps":[{"id":"a","kind":"switch","cases":[{"when":"input.a &&","steps":[]}]}]}""", Status: 400);
        yield return new("POST", "/api/definitions", """{"name":"expr","version":1,"steps":[{"id":"a","kind":"activity","activity":"echo","when":"input.x == (((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))"}]}""");
        yield return new("POST", "/api/definitions", "{\"name\":\"long\",\"version\":1,\"steps\":[{\"id\":\"a\",\"kind\":\"activity\",\"activity\":\"echo\",\"input\":\"{{" + new string('a', 5000) + "}}\"}]}", Status: 400);
        yield return new("POST", "/api/definitions", """{"name":"d","version":1,"steps":[{"id":"a","kind":"delay","duration":"P1Y1Q"}]}""", Status: 400);
        yield return new("POST", "/api/definitions", """{"name":"ap","version":1,"steps":[{"id":"a","kind":"approval","approvers":["ali\u202Ece"]}]}""", Status: 400);
        yield return new("POST", "/api/definitions", "name: [unclosed\n  - : :", ContentType: "application/yaml", Status: 400);
        yield return new("POST", "/api/definitions", """{"name":"x","version":1}""", ContentType: "text/csv");

        // Definitions: versions and activation.
        yield return new("GET", "/api/definitions/echo-flow?version=abc", Status: 400);
        yield return new("GET", "/api/definitions/echo-flow?version=99", Status: 404);
        yield return new("GET", $"/api/definitions/{Bidi}x/versions", Status: 404);
        foreach (var body in BadJson.Concat(["{}", "{\"version\":0}", "{\"version\":\"1\"}", "{\"version\":1.5}", "{\"version\":1,\"by\":\"x\"}", "[1]"]))
            yield return new("POST", "/api/definitions/echo-flow/active", body);
        yield return new("POST", "/api/definitions/echo-flow/active", "{\"version\":99}", Status: 404);
        yield return new("POST", "/api/definitions/ghost/active", "{\"version\":1}", Status: 404);
        yield return new("POST", "/api/definitions/echo-flow/active", TooLarge, Status: 413);

        // Starting workflows and orchestrators: bodies, inputs, ids, versions, names.
        foreach (var body in BadJson)
        {
            yield return new("POST", "/api/workflows/echo-flow/instances/new-1", body, Status: 400);
            yield return new("POST", "/api/orchestrators/SequentialChain/new-2", body, Status: 400);
            yield return new("POST", "/runtime/webhooks/durabletask/orchestrators/SequentialChain/new-3", body, Status: 400);
        }

        foreach (var id in new[] { "a%5Cb", "a%23b", "a%3Fb", "a%01b", "a%7Fb", $"pay{Bidi}txt.exe", "a%E2%81%A6b", "a%E2%80%8Bb", "%EF%BB%BFa", "%E2%80%A8", "%20", new string('x', 300) })
        {
            yield return new("POST", $"/api/workflows/echo-flow/instances/{id}", "{\"text\":\"x\"}", Status: 400);
            yield return new("POST", $"/api/orchestrators/SequentialChain/{id}", "{}", Status: 400);
            yield return new("POST", $"/runtime/webhooks/durabletask/orchestrators/SequentialChain/{id}", "{}", Status: 400);
        }

        yield return new("POST", "/api/workflows/echo-flow/instances/new-4", "{}", Status: 400);
        yield return new("POST", "/api/workflows/echo-flow/instances/new-4", "{\"text\":5}", Status: 400);
        yield return new("POST", "/api/workflows/echo-flow/instances/done-1", "{\"text\":\"x\"}", Status: 409);
        yield return new("POST", "/api/workflows/ghost/instances/new-5", "{}", Status: 404);
        yield return new("POST", "/api/workflows/echo-flow/instances/new-6?version=abc", "{\"text\":\"x\"}", Status: 400);
        yield return new("POST", "/api/workflows/echo-flow/instances/new-6?version=9", "{\"text\":\"x\"}", Status: 404);
        yield return new("POST", "/api/workflows/echo-flow/instances/new-7", TooLarge, Status: 413);
        yield return new("POST", "/api/orchestrators/NoSuch/new-8", "{}", Status: 404);
        yield return new("POST", "/api/orchestrators/SequentialChain/done-1", "{}", Status: 409);
        yield return new("POST", "/api/orchestrators/RunWorkflow/new-9", """{"workflow":"evil","version":1,"contentHash":"sha256:00","definition":"{}"}""", Status: 404);
        yield return new("POST", "/runtime/webhooks/durabletask/orchestrators/RunWorkflow/new-9", """{"workflow":"echo-flow","version":1,"contentHash":"sha256:00","definition":"{}"}""", Status: 400);
        yield return new("POST", "/runtime/webhooks/durabletask/orchestrators/NoSuch/new-10", "{}", Status: 400);
        yield return new("POST", "/runtime/webhooks/durabletask/orchestrators/SequentialChain/new-11?timeout=0", "{}", Status: 400);
        yield return new("POST", "/runtime/webhooks/durabletask/orchestrators/SequentialChain/new-11?timeout=5&pollingInterval=9", "{}", Status: 400);
        yield return new("POST", "/runtime/webhooks/durabletask/orchestrators/SequentialChain/new-11?showInput=perhaps", "{}", Status: 400);
        yield return new("POST", "/runtime/webhooks/durabletask/orchestrators/SequentialChain/new-12", TooLarge, Status: 413);
        yield return new("GET", "/api/workflows/echo-flow/metrics?top=abc", Status: 400);
        yield return new("GET", "/api/workflows/echo-flow/metrics?top=0", Status: 400);

        // Approvals: principals, bodies, who may decide, which approval.
        yield return new("GET", "/api/approvals", Status: 401);
        yield return new("GET", "/api/approvals", Principal: new string('p', 300), Status: 400);
        foreach (var body in BadJson.Concat(["{}", "{\"approved\":\"yes\"}", "{\"approved\":true,\"approver\":\"bob\"}", "{\"approved\":true,\"comment\":5}", "{\"approved\":true,\"comment\":\"" + new string('c', 2001) + "\"}", "[true]"]))
            yield return new("POST", "/api/approvals/pending-1/decide", body, Principal: "alice", Status: 400);
        yield return new("POST", "/api/approvals/pending-1/decide", "{\"approved\":true}", Status: 401);
        yield return new("POST", "/api/approvals/pending-1/decide", "{\"approved\":true}", Principal: "mallory", Status: 403);
        yield return new("POST", "/api/approvals/pending-1/other", "{\"approved\":true}", Principal: "alice", Status: 404);
        yield return new("POST", "/api/approvals/ghost/decide", "{\"approved\":true}", Principal: "alice", Status: 404);
        yield return new("POST", "/api/approvals/done-1/decide", "{\"approved\":true}", Principal: "alice", Status: 410);
        yield return new("POST", "/api/approvals/pending-1/decide", TooLarge, Principal: "alice", Status: 413);

        // Schedules: bodies, crons, time zones, ids, fields.
        foreach (var body in BadJson.Concat([
            "{}",
            "{\"workflow\":\"echo-flow\"}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"bad\"}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"61 * * * * *\"}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"* * * * *\"}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"0 0 0 * * * *\"}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"0 0 25 * * *\"}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"0 0 2 * * *\",\"timeZone\":\"Mars/Olympus\"}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"0 0 2 * * *\",\"missedRuns\":\"sometimes\"}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"0 0 2 * * *\",\"maxCatchUp\":0}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"0 0 2 * * *\",\"overlap\":\"maybe\"}",
            "{\"workflow\":\"echo-flow\",\"cron\":\"0 0 2 * * *\",\"owner\":\"x\"}",
            "{\"workflow\":\"ghost\",\"cron\":\"0 0 2 * * *\"}",
            "{\"workflow\":\"ab\u202Ecd\",\"cron\":\"0 0 2 * * *\"}",
        ]))
        {
            yield return new("PUT", "/api/schedules/nightly", body, Status: 400);
        }

        foreach (var id in new[] { "a%20b", "%C3%A4", $"n{Bidi}", new string('s', 65), "-lead" })
            yield return new("PUT", $"/api/schedules/{id}", "{\"workflow\":\"echo-flow\",\"cron\":\"0 0 2 * * *\"}", Status: 400);
        yield return new("PUT", "/api/schedules/nightly", TooLarge, Status: 413);
        yield return new("GET", "/api/schedules/ghost", Status: 404);
        yield return new("DELETE", "/api/schedules/ghost", Status: 404);
        yield return new("POST", "/api/schedules/ghost/pause", Status: 404);
        yield return new("POST", "/api/schedules/ghost/resume", Status: 404);
        yield return new("GET", "/api/instances/ghost/audit", Status: 404);
        yield return new("GET", $"/api/instances/a{Bidi}b/audit", Status: 404);

        // Triggers: bodies, names, auth, rules, expressions, templates, instance ids; hooks of triggers that do not exist.
        const string Rules = "\"rules\":[{\"id\":\"r\",\"start\":{\"workflow\":\"echo-flow\"}}]";
        const string Auth = "\"auth\":{\"mode\":\"key\",\"secret\":\"HOSTILE_HOOK\"}";
        foreach (var body in BadJson.Concat([
            "{}", "[]", "{" + Rules + "}", "{" + Auth + "}", "{" + Auth + ",\"rules\":[]}", "{" + Auth + "," + Rules + ",\"paused\":\"yes\"}",
            "{\"auth\":{\"mode\":\"key\",\"secret\":\"NOT_SET\"}," + Rules + "}",
            "{\"auth\":{\"mode\":\"key\",\"secret\":\"HOSTILE_HOOK\",\"value\":\"inline-secret\"}," + Rules + "}",
            "{\"auth\":{\"mode\":\"signature\",\"secret\":\"HOSTILE_HOOK\",\"toleranceSeconds\":5}," + Rules + "}",
            "{\"auth\":{\"mode\":\"key\",\"secret\":\"HOSTILE_HOOK\",\"header\":\"a b\"}," + Rules + "}",
            "{" + Auth + ",\"rules\":[{\"id\":\"r\",\"when\":\"body.a &&\",\"start\":{\"workflow\":\"echo-flow\"}}]}",
            "{" + Auth + ",\"rules\":[{\"id\":\"r\",\"when\":\"input.a\",\"start\":{\"workflow\":\"echo-flow\"}}]}",
            "{" + Auth + ",\"rules\":[{\"id\":\"r\",\"when\":\"" + new string('(', 40) + "1" + new string(')', 40) + "\",\"start\":{\"workflow\":\"echo-flow\"}}]}",
            "{" + Auth + ",\"rules\":[{\"id\":\"r\",\"start\":{\"workflow\":\"echo-flow\",\"input\":\"{{steps.a.output}}\"}}]}",
            "{" + Auth + ",\"rules\":[{\"id\":\"r\",\"start\":{\"workflow\":\"echo-flow\",\"instanceId\":\"~x\"}}]}",
            "{" + Auth + ",\"rules\":[{\"id\":\"r\",\"start\":{\"workflow\":\"ghost\"}}]}",
            "{" + Auth + ",\"rules\":[{\"id\":\"r\",\"start\":{\"workflow\":\"echo-flow\",\"version\":9}}]}",
            "{" + Auth + ",\"rules\":[{\"id\":\"r\u202E\",\"start\":{\"workflow\":\"echo-flow\"}}]}",
            "{" + Auth + ",\"rules\":[" + string.Join(",", Enumerable.Range(0, 21).Select(i => $"{{\"id\":\"r{i}\",\"start\":{{\"workflow\":\"echo-flow\"}}}}")) + "]}",
        ]))
        {
            yield return new("PUT", "/api/triggers/shop", body, Status: 400);
        }

        foreach (var name in new[] { "a%20b", $"n{Bidi}", new string('t', 65), "-lead", "%7E" })
            yield return new("PUT", $"/api/triggers/{name}", "{" + Auth + "," + Rules + "}", Status: 400);
        yield return new("PUT", "/api/triggers/shop", TooLarge, Status: 413);
        yield return new("GET", "/api/triggers/ghost", Status: 404);
        yield return new("DELETE", "/api/triggers/ghost", Status: 404);
        yield return new("POST", "/api/triggers/ghost/pause", Status: 404);
        yield return new("POST", "/api/triggers/ghost/resume", Status: 404);
        foreach (var name in new[] { "ghost", $"n{Bidi}", new string('t', 65), "%7Eaccess" })
            yield return new("POST", $"/api/hooks/{name}", "{\"status\":\"paid\"}", Status: 404);
        yield return new("GET", "/api/hooks/shop", Status: 405);

        // The Durable HTTP API: status flags, list queries, purges, events, control.
        yield return new("GET", "/runtime/webhooks/durabletask/instances/ghost", Status: 404);
        yield return new("GET", "/runtime/webhooks/durabletask/instances/pending-1?showHistory=maybe", Status: 400);
        foreach (var query in new[] { "top=0", "top=1001", "top=abc", "runtimeStatus=Nope", "runtimeStatus=1", "createdTimeFrom=yesterday", "createdTimeTo=2026-13-01", "showInput=perhaps" })
            yield return new("GET", $"/runtime/webhooks/durabletask/instances?{query}", Status: 400);
        yield return new("DELETE", "/runtime/webhooks/durabletask/instances/ghost", Status: 404);
        yield return new("DELETE", "/runtime/webhooks/durabletask/instances/pending-1", Status: 409);
        yield return new("DELETE", "/runtime/webhooks/durabletask/instances?runtimeStatus=Completed", Status: 400);
        yield return new("DELETE", "/runtime/webhooks/durabletask/instances?createdTimeFrom=2000-01-01T00:00:00Z&runtimeStatus=Nope", Status: 400);
        yield return new("DELETE", "/runtime/webhooks/durabletask/instances?createdTimeFrom=soon", Status: 400);
        yield return new("DELETE", "/runtime/webhooks/durabletask/instances?createdTimeFrom=2999-01-01T00:00:00Z", Status: 404);
        foreach (var body in BadJson)
            yield return new("POST", "/runtime/webhooks/durabletask/instances/pending-1/raiseEvent/go", body, Status: 400);
        yield return new("POST", "/runtime/webhooks/durabletask/instances/pending-1/raiseEvent/go", TooLarge, Status: 413);
        yield return new("POST", "/runtime/webhooks/durabletask/instances/ghost/raiseEvent/go", "{}", Status: 404);
        yield return new("POST", "/runtime/webhooks/durabletask/instances/done-1/raiseEvent/go", "{}", Status: 410);
        foreach (var action in new[] { "terminate", "suspend", "resume" })
        {
            yield return new("POST", $"/runtime/webhooks/durabletask/instances/ghost/{action}?reason=x", Status: 404);
            yield return new("POST", $"/runtime/webhooks/durabletask/instances/done-1/{action}?reason=x", Status: 410);
        }

        yield return new("POST", "/runtime/webhooks/durabletask/instances/done-1/rewind", Status: 412);
        yield return new("POST", "/runtime/webhooks/durabletask/instances/pending-1/rewind", Status: 412);
        yield return new("POST", "/runtime/webhooks/durabletask/instances/ghost/rewind", Status: 404);
        yield return new("POST", "/runtime/webhooks/durabletask/instances/pending-1/restart", Status: 409);
        yield return new("POST", "/runtime/webhooks/durabletask/instances/ghost/restart", Status: 404);
        yield return new("POST", "/runtime/webhooks/durabletask/instances/done-1/restart?restartWithNewInstanceId=perhaps", Status: 400);
        yield return new("GET", "/api/does-not-exist", Status: 404);
        yield return new("PATCH", "/api/definitions", "{}", Status: 405);
    }

    private static IEnumerable<(byte[] Raw, int Status)> RawCases() =>
        RawText().Select(c => (Encoding.Latin1.GetBytes(c.Raw), c.Status)).Concat(
        [
            (Utf8($"GET /api/approvals HTTP/1.1\r\nHost: 127.0.0.1\r\nx-functions-key: {KestrelHost.Key}\r\nx-ms-client-principal-name: ali\u202Ece\r\n\r\n"), 400),
            (Utf8($"POST /api/approvals/pending-1/decide HTTP/1.1\r\nHost: 127.0.0.1\r\nx-functions-key: {KestrelHost.Key}\r\nx-ms-client-principal-name: al\u2066ice\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\r\n{{\"approved\":true}}"), 400),
            (Utf8($"POST /runtime/webhooks/durabletask/instances/pending-1/terminate HTTP/1.1\r\nHost: 127.0.0.1\r\nx-functions-key: {KestrelHost.Key}\r\nx-ms-client-principal-name: op\u202Eerator\r\nContent-Length: 0\r\n\r\n"), 400),
        ]);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static IEnumerable<(string Raw, int Status)> RawText()
    {
        yield return ($"GET /api/definitions/a%00b?code={KestrelHost.Key} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400);
        yield return ($"POST /api/workflows/echo-flow/instances/a%00b HTTP/1.1\r\nHost: 127.0.0.1\r\nx-functions-key: {KestrelHost.Key}\r\nContent-Length: 2\r\n\r\n{{}}", 400);
        yield return ("NOT A REQUEST LINE\r\n\r\n", 400);
        yield return ("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n", 400);
        yield return ("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nx-big: " + new string('a', 40_000) + "\r\n\r\n", 431);
        yield return ($"POST /api/definitions HTTP/1.1\r\nHost: 127.0.0.1\r\nx-functions-key: {KestrelHost.Key}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400);
    }

    // Null when the response is the expected 4xx problem document; else what is wrong with it.
    private static async Task<string?> ProblemAsync(HttpResponseMessage response, int? expected)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (expected is { } exact ? status != exact : status is < 400 or > 499)
        {
            return $"answered {status}, expected {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "4xx"}: {text}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"answered {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {text}";
        }

        JsonNode? problem;
        try
        {
            problem = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return $"answered {status} with a body that is not JSON: {text}";
        }

        return (int?)problem?["status"] == status && !string.IsNullOrWhiteSpace((string?)problem?["detail"] ?? (string?)problem?["title"])
            ? null
            : $"answered {status} with a problem document lacking status or detail: {text}";
    }

    private static int? ProblemStatus(string body)
    {
        try
        {
            return (int?)JsonNode.Parse(body)?["status"];
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Shorten(object? body) => body switch
    {
        null => string.Empty,
        byte[] bytes => $"{bytes.Length} bytes",
        string { Length: > 80 } s => s[..80] + "…",
        string s => s,
        _ => body.ToString() ?? string.Empty,
    };

    private sealed record Hostile(string Method, string Path, object? Body = null, string ContentType = Json, string? Principal = null, int? Status = null);
}
