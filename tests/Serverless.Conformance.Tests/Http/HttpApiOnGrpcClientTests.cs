using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Api.Routing;
using Serverless.Conformance.Tests.Engines;
using Serverless.Tests.Infrastructure;

namespace Serverless.Conformance.Tests.Http;

/// <summary>
/// The host's HTTP handlers (src/Api) with the SDK's gRPC <see cref="DurableTaskClient"/> behind them: a subset of the
/// host tests that together call every route of <see cref="ApiRoutes"/> and <see cref="DurableApiRoutes"/>.
/// </summary>
public sealed class HttpApiOnGrpcClientTests(GrpcClientHost host) : IClassFixture<GrpcClientHost>
{
    private const string Durable = "/runtime/webhooks/durabletask";

    [Fact]
    public async Task HealthAndOpenApi_OnTheGrpcClient_Answer200()
    {
        var health = await host.Client.GetAsync("/api/health");
        var document = await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync("/api/openapi.json"));

        Assert.Equal("GrpcDurableTaskClient", host.Durable.GetType().Name);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.NotNull(document["paths"]!["/api/workflows/{name}/instances/{instanceId}"]);
    }

    [Fact]
    public async Task Definitions_ListGetVersionsActivate_AnswerFromTheStore()
    {
        var list = (await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync("/api/definitions"))).AsArray();
        var got = await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync("/api/definitions/echo-flow"));
        var versions = (await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync("/api/definitions/echo-flow/versions")))["versions"]!.AsArray();
        var activated = await host.Client.PostAsJsonAsync("/api/definitions/echo-flow/active", new { version = 1 });

        Assert.Contains(list, d => (string?)d!["name"] == "echo-flow");
        Assert.Equal(1, (int)got["version"]!);
        Assert.Single(versions);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
    }

    [Fact]
    public async Task StartWorkflow_EchoFlow_CompletesAndStatusAuditAndMetricsShowIt()
    {
        var id = NewId("echo");

        var start = await host.Client.PostAsJsonAsync($"/api/workflows/echo-flow/instances/{id}", new { text = "over grpc" });
        var done = await host.WaitForCompletionAsync(id);
        var status = await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync($"{Durable}/instances/{id}"));
        var trail = await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync($"/api/instances/{id}/audit"));
        var metrics = await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync("/api/workflows/echo-flow/metrics"));

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Completed", (string?)status["runtimeStatus"]);
        Assert.Equal("over grpc", (string?)status["output"]!["output"]!["text"]);
        Assert.True((bool)trail["verification"]!["intact"]!, trail.ToJsonString());
        Assert.Contains(trail["entries"]!.AsArray(), e => (string?)e!["eventType"] == "WorkflowCompleted");
        Assert.True((int)metrics["completed"]! >= 1, metrics.ToJsonString());
    }

    [Fact]
    public async Task StartOrchestratorAndDurableStart_CodeFirstChain_RunToCompletion()
    {
        var (first, second) = (NewId("chain"), NewId("chain"));
        var input = new { input = 5, steps = new[] { new { name = "say", call = new { activity = "echo", input = new { n = "{{input}}" } } } } };

        var api = await host.Client.PostAsJsonAsync($"/api/orchestrators/SequentialChain/{first}", input);
        var builtIn = await host.Client.PostAsJsonAsync($"{Durable}/orchestrators/SequentialChain/{second}", input);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (api.StatusCode, builtIn.StatusCode));
        foreach (var id in new[] { first, second })
        {
            var done = await host.WaitForCompletionAsync(id);
            Assert.Equal("""{"n":5}""", JsonNode.Parse(done.SerializedOutput!)!["output"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task Approvals_ListPendingAndDecide_CompleteTheWorkflowApproved()
    {
        var id = NewId("approve");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync($"/api/workflows/approve-flow/instances/{id}", new { })).StatusCode);

        var pending = await Conditions.UntilAsync(
            async () => (await GrpcClientHost.ReadJsonAsync(await SendAsync(HttpMethod.Get, "/api/approvals", "alice"))).AsArray(),
            list => list.Any(p => (string?)p!["instanceId"] == id),
            "the approval request");
        var decided = await SendAsync(HttpMethod.Post, $"/api/approvals/{id}/decide", "bob", new { approved = true, comment = "fine" });
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal("decide", (string?)pending.Single(p => (string?)p!["instanceId"] == id)!["stepId"]);
        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Contains("approved", done.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedules_PutGetListPauseResumeDelete_FollowDocumentedCodes()
    {
        var id = NewId("sched");
        var put = await host.Client.PutAsJsonAsync($"/api/schedules/{id}", new { workflow = "echo-flow", cron = "0 0 * * * *", input = new { text = "tick" } });
        var got = await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync($"/api/schedules/{id}"));
        var list = (await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync("/api/schedules"))).AsArray();
        var paused = await GrpcClientHost.ReadJsonAsync(await host.Client.PostAsync($"/api/schedules/{id}/pause", null));
        var resumed = await GrpcClientHost.ReadJsonAsync(await host.Client.PostAsync($"/api/schedules/{id}/resume", null));
        var deleted = await host.Client.DeleteAsync($"/api/schedules/{id}");

        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal("echo-flow", (string?)got["workflow"]);
        Assert.Contains(list, s => (string?)s!["id"] == id);
        Assert.Equal((true, false), ((bool)paused["paused"]!, (bool)resumed["paused"]!));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await GrpcClientHost.ReadProblemAsync(await host.Client.GetAsync($"/api/schedules/{id}"), 404);
    }

    [Fact]
    public async Task DurableApi_RaiseEventAndList_DeliverAndFindTheInstance()
    {
        var id = NewId("wait");
        await host.Client.PostAsJsonAsync($"/api/workflows/wait-flow/instances/{id}", new { });
        await WaitForStartAsync(id);

        var raised = await host.Client.PostAsJsonAsync($"{Durable}/instances/{id}/raiseEvent/go", new { ok = true });
        var done = await host.WaitForCompletionAsync(id);
        var listed = (await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync($"{Durable}/instances?instanceIdPrefix={id}"))).AsArray();

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(id, (string?)Assert.Single(listed)!["instanceId"]);
        await GrpcClientHost.ReadProblemAsync(await host.Client.PostAsJsonAsync($"{Durable}/instances/{id}/raiseEvent/go", new { }), 410);
        await GrpcClientHost.ReadProblemAsync(await host.Client.GetAsync($"{Durable}/instances/{NewId("ghost")}"), 404);
    }

    [Fact]
    public async Task DurableApi_SuspendResumeTerminate_FollowDocumentedCodes()
    {
        var id = NewId("control");
        await host.Client.PostAsJsonAsync($"/api/workflows/wait-flow/instances/{id}", new { });
        await WaitForStartAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsync($"{Durable}/instances/{id}/suspend?reason=pause", null)).StatusCode);
        await Conditions.UntilAsync(() => host.Durable.GetInstanceAsync(id), m => m?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "suspended");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsync($"{Durable}/instances/{id}/resume?reason=go", null)).StatusCode);
        await Conditions.UntilAsync(() => host.Durable.GetInstanceAsync(id), m => m?.RuntimeStatus == OrchestrationRuntimeStatus.Running, "resumed");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsync($"{Durable}/instances/{id}/terminate?reason=enough", null)).StatusCode);
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        await GrpcClientHost.ReadProblemAsync(await host.Client.PostAsync($"{Durable}/instances/{id}/terminate", null), 410);
    }

    [Fact]
    public async Task DurableApi_RewindRestartAndPurge_FollowDocumentedCodes()
    {
        var (failed, completed, byFilter) = (NewId("failed"), NewId("done"), NewId("filter"));
        await host.Client.PostAsJsonAsync($"/api/workflows/fail-flow/instances/{failed}", new { });
        await host.Client.PostAsJsonAsync($"/api/workflows/echo-flow/instances/{completed}", new { text = "x" });
        await host.Client.PostAsJsonAsync($"/api/workflows/echo-flow/instances/{byFilter}", new { text = "y" });
        foreach (var id in new[] { failed, completed, byFilter })
        {
            await host.WaitForCompletionAsync(id);
        }

        // The host answers for the engine it knows (ours cannot rewind: 501, as Durable answers where the provider cannot).
        await GrpcClientHost.ReadProblemAsync(await host.Client.PostAsync($"{Durable}/instances/{failed}/rewind", null), 501);
        var restarted = await GrpcClientHost.ReadJsonAsync(await host.Client.PostAsync($"{Durable}/instances/{completed}/restart?restartWithNewInstanceId=true", null));
        var again = await host.WaitForCompletionAsync((string)restarted["id"]!);
        var purgedOne = await GrpcClientHost.ReadJsonAsync(await host.Client.DeleteAsync($"{Durable}/instances/{completed}"));
        var purgedMany = await GrpcClientHost.ReadJsonAsync(await host.Client.DeleteAsync($"{Durable}/instances?instanceIdPrefix={byFilter}&runtimeStatus=Completed&createdTimeFrom=2000-01-01T00:00:00Z"));

        Assert.NotEqual(completed, (string?)restarted["id"]);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, again.RuntimeStatus);
        Assert.Equal(1, (int)purgedOne["instancesDeleted"]!);
        Assert.True((int)purgedMany["instancesDeleted"]! >= 1, purgedMany.ToJsonString());
        Assert.Null(await host.Durable.GetInstanceAsync(completed));
        Assert.Null(await host.Durable.GetInstanceAsync(byFilter));
    }

    [Fact]
    public async Task Triggers_SignedDeliveryRetried_StartsOnceOnTheGrpcClient()
    {
        var name = NewId("hook");
        var order = NewId("o");
        var put = await host.Client.PutAsJsonAsync($"/api/triggers/{name}", new
        {
            auth = new { mode = "signature", secret = GrpcClientHost.HookSecretName },
            rules = new[] { new { id = "echo", when = "body.kind == 'go'", start = new { workflow = "echo-flow", input = new { text = "{{body.order}}" }, instanceId = "{{body.order}}" } } },
        });
        var body = System.Text.Encoding.UTF8.GetBytes($$"""{"kind":"go","order":"{{order}}"}""");

        var first = await DeliverAsync(name, body);
        var retry = await DeliverAsync(name, body);
        var done = await host.WaitForCompletionAsync(order);
        var got = await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync($"/api/triggers/{name}"));
        var list = (await GrpcClientHost.ReadJsonAsync(await host.Client.GetAsync("/api/triggers"))).AsArray();
        var paused = await GrpcClientHost.ReadJsonAsync(await host.Client.PostAsync($"/api/triggers/{name}/pause", null));
        var resumed = await GrpcClientHost.ReadJsonAsync(await host.Client.PostAsync($"/api/triggers/{name}/resume", null));
        var deleted = await host.Client.DeleteAsync($"/api/triggers/{name}");

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("alreadyStarted", (string?)(await GrpcClientHost.ReadJsonAsync(retry))["rules"]![0]!["outcome"]);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal((1L, 1L), ((long)got["counts"]!["started"]!, (long)got["counts"]!["alreadyStarted"]!));
        Assert.Contains(list, t => (string?)t!["name"] == name);
        Assert.Equal((true, false), ((bool)paused["paused"]!, (bool)resumed["paused"]!));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Dashboard_PageAndCaller_AnswerOnTheGrpcClientHost()
    {
        var page = await host.Client.GetAsync("/api/dashboard/");
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Add("x-ms-client-principal-name", "manager.alice");
        var caller = await GrpcClientHost.ReadJsonAsync(await host.Client.SendAsync(me));

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("manager.alice", (string?)caller["name"]);
        Assert.True((bool)caller["signedIn"]!);
    }

    [Fact]
    public void Routes_TheTestsAbove_CoverEveryRoute()
    {
        // Every route has a handler call in this class; a new route fails this until a test calls it here.
        var source = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "tests", "Serverless.Conformance.Tests", "Http", $"{nameof(HttpApiOnGrpcClientTests)}.cs"));
        var covered = new Dictionary<string, string>
        {
            ["Health"] = "/api/health", ["OpenApiDocument"] = "/api/openapi.json", ["PublishDefinition"] = "/api/definitions",
            ["ListDefinitions"] = "/api/definitions\"", ["GetDefinition"] = "/api/definitions/echo-flow\"", ["ListDefinitionVersions"] = "/versions",
            ["ActivateDefinitionVersion"] = "/active", ["StartWorkflow"] = "/api/workflows/", ["WorkflowMetrics"] = "/metrics",
            ["StartOrchestrator"] = "/api/orchestrators/", ["ListPendingApprovals"] = "\"/api/approvals\"", ["DecideApproval"] = "/decide",
            ["ListSchedules"] = "\"/api/schedules\"", ["GetSchedule"] = "GetAsync($\"/api/schedules/{id}\")", ["PutSchedule"] = "PutAsJsonAsync($\"/api/schedules/",
            ["DeleteSchedule"] = "DeleteAsync($\"/api/schedules/", ["PauseSchedule"] = "/pause", ["ResumeSchedule"] = "/resume\"", ["AuditTrail"] = "/audit",
            ["DurableStart"] = "{Durable}/orchestrators/", ["DurableGetStatus"] = "GetAsync($\"{Durable}/instances/{id}\")", ["DurableList"] = "{Durable}/instances?",
            ["DurablePurgeInstance"] = "DeleteAsync($\"{Durable}/instances/{", ["DurablePurgeInstances"] = "DeleteAsync($\"{Durable}/instances?", ["DurableRaiseEvent"] = "/raiseEvent/",
            ["DurableTerminate"] = "/terminate", ["DurableSuspend"] = "/suspend", ["DurableResume"] = "/resume?", ["DurableRewind"] = "/rewind", ["DurableRestart"] = "/restart",
            ["Dashboard"] = "\"/api/dashboard/\"", ["WhoAmI"] = "\"/api/me\"",
            ["ListTriggers"] = "\"/api/triggers\"", ["GetTrigger"] = "GetAsync($\"/api/triggers/{name}\")", ["PutTrigger"] = "PutAsJsonAsync($\"/api/triggers/",
            ["DeleteTrigger"] = "DeleteAsync($\"/api/triggers/", ["PauseTrigger"] = "/api/triggers/{name}/pause", ["ResumeTrigger"] = "/api/triggers/{name}/resume",
            ["DeliverHook"] = "$\"/api/hooks/{trigger}\"",
        };

        Assert.Equal(ApiRoutes.All.Concat(DurableApiRoutes.All).Select(r => r.FunctionName).Order(StringComparer.Ordinal), covered.Keys.Order(StringComparer.Ordinal));
        Assert.All(covered, c => Assert.Contains(c.Value, source, StringComparison.Ordinal));
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<HttpResponseMessage> DeliverAsync(string trigger, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/{trigger}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", Serverless.Triggers.TriggerSignature.Sign(GrpcClientHost.HookSecret, body));
        return await host.Client.SendAsync(request);
    }


    private async Task WaitForStartAsync(string id)
    {
        using var limit = new CancellationTokenSource(Conditions.WaitLimit);
        await host.Durable.WaitForInstanceStartAsync(id, getInputsAndOutputs: false, limit.Token);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string principal, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-ms-client-principal-name", principal);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return host.Client.SendAsync(request);
    }
}
