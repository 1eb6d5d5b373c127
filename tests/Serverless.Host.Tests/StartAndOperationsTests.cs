using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Api.Routing;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed class StartAndOperationsTests : IAsyncLifetime
{
    private readonly TestHost _host = new();

    public async Task InitializeAsync()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);
        await _host.PublishOkAsync(TestWorkflows.EchoV2);
        await _host.PublishOkAsync(TestWorkflows.Failing);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartWorkflow_PinnedVersion_RunsThatVersion()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/workflows/echo-flow/instances/pinned?version=1", new { text = "v1" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("pinned", (string?)(await TestHost.ReadJsonAsync(response))["id"]);
        var done = await _host.WaitForCompletionAsync("pinned");
        Assert.Contains("\"version\":1", done.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartWorkflow_Unpublished_Returns404()
    {
        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync("/api/workflows/nothing/instances", new { }), 404);
        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync("/api/workflows/echo-flow/instances?version=9", new { text = "x" }), 404);
    }

    [Fact]
    public async Task StartWorkflow_InputNotFittingSchema_Returns400AndStartsNothing()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/workflows/echo-flow/instances/bad-input", new { other = 1 });

        var problem = await TestHost.ReadProblemAsync(response, 400);
        Assert.NotEmpty(problem["errors"]!.AsArray());
        Assert.Null(await _host.Durable.GetInstanceAsync("bad-input"));
    }

    [Fact]
    public async Task StartWorkflow_ExistingInstanceId_Returns409()
    {
        await _host.StartAsync("echo-flow", new { text = "1" }, "dup");
        await _host.WaitForCompletionAsync("dup");

        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync("/api/workflows/echo-flow/instances/dup", new { text = "2" }), 409);
        Assert.Contains("\"1\"", (await _host.Durable.GetInstanceAsync("dup", true))!.SerializedInput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartWorkflow_OverlongInstanceId_Returns400AndStartsNothing()
    {
        var id = new string('x', 2000);

        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync($"/api/workflows/echo-flow/instances/{id}", new { text = "x" }), 400);
        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync($"/runtime/webhooks/durabletask/orchestrators/RunWorkflow/{id}", new { }), 400);

        Assert.Empty((await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/runtime/webhooks/durabletask/instances"))).AsArray());
    }

    [Theory]
    [InlineData("a%5Cb")]
    [InlineData("a%23b")]
    [InlineData("a%3Fb")]
    [InlineData("a%01b")]
    [InlineData("pay%E2%80%AEcod.exe")]
    [InlineData("a%E2%81%A6b")]
    [InlineData("a%E2%80%8Bb")]
    public async Task Start_InstanceIdBreakingKeyOrDisplayRules_Returns400OnEveryStartRouteAndStartsNothing(string escapedId)
    {
        foreach (var route in new[] { "/api/workflows/echo-flow/instances/", "/api/orchestrators/SequentialChain/", "/runtime/webhooks/durabletask/orchestrators/SequentialChain/" })
        {
            var problem = await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync(route + escapedId, new { text = "x" }), 400);
            Assert.Contains("instance id", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty((await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/runtime/webhooks/durabletask/instances"))).AsArray());
    }

    [Fact]
    public async Task StartOrchestrator_Unknown_Returns404()
    {
        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync("/api/orchestrators/NoSuchThing", new { }), 404);
    }

    [Fact]
    public async Task StartOrchestrator_Interpreter_Returns202()
    {
        var input = await _host.Get<Api.Workflows.WorkflowStarter>().PrepareAsync("echo-flow", 2, System.Text.Json.JsonDocument.Parse("{\"text\":\"z\"}").RootElement, null, null, default);

        var response = await _host.Client.PostAsJsonAsync("/api/orchestrators/RunWorkflow/code-first", input);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Completed", (await _host.WaitForCompletionAsync("code-first")).RuntimeStatus.ToString());
    }

    [Fact]
    public async Task Audit_UnknownInstance_Returns404()
    {
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync("/api/instances/ghost/audit"), 404);
    }

    [Fact]
    public async Task Metrics_MixedOutcomes_CountsRatesAndSlowestStep()
    {
        for (var i = 0; i < 3; i++)
        {
            await _host.WaitForCompletionAsync((string)(await _host.StartAsync("echo-flow", new { text = "m" }))["id"]!);
        }

        await _host.WaitForCompletionAsync((string)(await _host.StartAsync("fail-flow", null))["id"]!);

        var metrics = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/workflows/echo-flow/metrics"));
        var failing = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/workflows/fail-flow/metrics"));

        Assert.Equal(3, (int)metrics["instances"]!);
        Assert.Equal(1.0, (double)metrics["successRate"]!);
        Assert.NotNull(metrics["p95DurationSeconds"]);
        Assert.Equal(0.0, (double)metrics["retryRate"]!);
        Assert.Equal("say2", (string?)metrics["slowestStep"]!["step"]);
        Assert.Equal(0.0, (double)failing["successRate"]!);
        Assert.Equal(1, (int)failing["failed"]!);
    }

    [Fact]
    public async Task Health_Anonymous_ReturnsHealthy()
    {
        var response = await _host.Anonymous.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (string?)(await TestHost.ReadJsonAsync(response))["status"]);
    }

    [Fact]
    public async Task OpenApi_ListsEveryRouteAndMethod()
    {
        var document = await TestHost.ReadJsonAsync(await _host.Anonymous.GetAsync("/api/openapi.json"));

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (string?)m.Value!["operationId"]))
            .ToHashSet();
        foreach (var route in ApiRoutes.All.Concat(DurableApiRoutes.All))
        {
            Assert.Contains(route.FunctionName, operations);
        }

        Assert.NotNull(document["paths"]!["/api/workflows/{name}/instances/{instanceId}"]!["post"]);
        Assert.NotNull(document["paths"]!["/runtime/webhooks/durabletask/instances/{instanceId}/raiseEvent/{eventName}"]!["post"]);
    }

    [Fact]
    public async Task UnknownRoute_Returns404ProblemJson()
    {
        var response = await _host.Client.GetAsync("/api/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/definitions", "POST")]
    [InlineData("/api/schedules/x", "PUT")]
    [InlineData("/api/workflows/echo-flow/instances", "POST")]
    [InlineData("/runtime/webhooks/durabletask/instances/ghost/raiseEvent/go", "POST")]
    public async Task HostileBodies_NeverYield500(string path, string method)
    {
        foreach (var body in new[] { "{", "\u0000\u0001", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]", "{\"a\":" + new string('9', 5000) + "}", "null" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

            var response = await _host.Client.SendAsync(request);

            Assert.InRange((int)response.StatusCode, 400, 499);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(2, (await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions"))).AsArray().Count);
        Assert.Empty((await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/schedules"))).AsArray());
    }
}
