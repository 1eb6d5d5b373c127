using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed class DefinitionRouteTests : IAsyncLifetime
{
    private readonly TestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Publish_NewVersion_Returns201AndIsActive()
    {
        var response = await _host.PublishAsync(TestWorkflows.Echo);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await TestHost.ReadJsonAsync(response);
        Assert.Equal("echo-flow", (string?)body["name"]);
        Assert.StartsWith("sha256:", (string?)body["contentHash"]);
        var got = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions/echo-flow"));
        Assert.Equal(1, (int)got["version"]!);
        Assert.True((bool)got["active"]!);
        Assert.Equal("echo", (string?)got["definition"]!["steps"]![0]!["activity"]);
    }

    [Fact]
    public async Task Publish_SameContentTwice_Returns200WithoutNewVersion()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);

        var again = await _host.PublishAsync(TestWorkflows.Echo);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var versions = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions/echo-flow/versions"));
        Assert.Single(versions["versions"]!.AsArray());
    }

    [Fact]
    public async Task Publish_SameVersionOtherContent_Returns409AndKeepsOriginal()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);

        var conflict = await _host.PublishAsync(TestWorkflows.Echo.Replace("{{input.text}}", "changed", StringComparison.Ordinal));

        await TestHost.ReadProblemAsync(conflict, 409);
        var got = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions/echo-flow"));
        Assert.Equal("{{input.text}}", (string?)got["definition"]!["steps"]![0]!["input"]!["text"]);
    }

    [Fact]
    public async Task Publish_InvalidDefinition_Returns400WithEveryErrorByJsonPathAndStoresNothing()
    {
        var response = await _host.PublishAsync(TestWorkflows.Invalid);

        var problem = await TestHost.ReadProblemAsync(response, 400);
        var errors = problem["errors"]!.AsArray();
        var paths = errors.Select(e => (string?)e!["path"]).ToList();
        Assert.Contains("$.steps[0].activity", paths);
        Assert.Contains("$.steps[1].duration", paths);
        Assert.Contains(errors, e => (string?)e!["code"] == "WF301");
        Assert.All(errors, e => Assert.NotNull(e!["line"]));
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync("/api/definitions/broken"), 404);
        Assert.Empty((await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions"))).AsArray());
    }

    [Theory]
    [InlineData("RequestApproval")]
    [InlineData("CloseApproval")]
    [InlineData("ConfirmApprovalDecision")]
    [InlineData("recordWorkflowEvents")]
    public async Task Publish_StepCallingAnInterpreterActivity_Returns400AndStoresNothing(string activity)
    {
        var definition = $$"""
            { "name": "forge", "version": 1, "steps": [
              { "id": "write", "kind": "activity", "activity": "{{activity}}", "input": { "instanceId": "someone-else" } } ] }
            """;

        var response = await _host.PublishAsync(definition);

        var problem = await TestHost.ReadProblemAsync(response, 400);
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal(("WF402", "$.steps[0].activity"), ((string?)error!["code"], (string?)error["path"]));
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync("/api/definitions/forge"), 404);
    }

    [Fact]
    public async Task Publish_MalformedJson_Returns400Problem()
    {
        var response = await _host.PublishAsync("{ \"name\": ");

        var problem = await TestHost.ReadProblemAsync(response, 400);
        Assert.Equal("WF001", (string?)problem["errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Publish_Yaml_IsAccepted()
    {
        const string yaml = "name: yaml-flow\nversion: 1\nsteps:\n  - id: say\n    kind: activity\n    activity: echo\n";

        var response = await _host.Client.PostAsync("/api/definitions", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Publish_OversizedBody_Returns413AndStoresNothing()
    {
        var huge = TestWorkflows.Echo.Replace("\"version\": 1,", $"\"version\": 1, \"description\": \"{new string('x', 1_100_000)}\",", StringComparison.Ordinal);

        var response = await _host.PublishAsync(huge);

        await TestHost.ReadProblemAsync(response, 413);
        Assert.Empty((await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions"))).AsArray());
    }

    [Fact]
    public async Task Activate_OlderVersion_RollsBackWhatStartsNext()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);
        await _host.PublishOkAsync(TestWorkflows.EchoV2);
        Assert.Equal(2, (int)(await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions/echo-flow")))["version"]!);

        var rollback = await _host.Client.PostAsJsonAsync("/api/definitions/echo-flow/active", new { version = 1 });

        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        var list = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions"));
        Assert.Equal(1, (int)list[0]!["activeVersion"]!);
        Assert.Equal(2, (int)list[0]!["latestVersion"]!);
        var started = await _host.StartAsync("echo-flow", new { text = "hi" });
        var done = await _host.WaitForCompletionAsync((string)started["id"]!);
        Assert.Contains("\"version\":1", done.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_UnknownField_Returns400AndKeepsActive()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);
        await _host.PublishOkAsync(TestWorkflows.EchoV2);

        var problem = await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync("/api/definitions/echo-flow/active", new { version = 1, reason = "rollback" }), 400);

        Assert.Contains("'reason'", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(2, (int)(await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions")))[0]!["activeVersion"]!);
    }

    [Fact]
    public async Task Activate_UnknownVersion_Returns404AndKeepsActive()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);

        var response = await _host.Client.PostAsJsonAsync("/api/definitions/echo-flow/active", new { version = 7 });

        await TestHost.ReadProblemAsync(response, 404);
        Assert.Equal(1, (int)(await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/definitions")))[0]!["activeVersion"]!);
    }

    [Theory]
    [InlineData("{\"version\":\"1\"}")]
    [InlineData("[1]")]
    [InlineData("{\"version\":0}")]
    public async Task Activate_BadBody_Returns400(string body)
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);

        var response = await _host.Client.PostAsync("/api/definitions/echo-flow/active", new StringContent(body, Encoding.UTF8, "application/json"));

        await TestHost.ReadProblemAsync(response, 400);
    }

    [Fact]
    public async Task ListVersions_UnknownWorkflow_Returns404()
    {
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync("/api/definitions/nothing/versions"), 404);
    }
}
