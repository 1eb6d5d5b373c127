using System.Text.Json.Nodes;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>A workflow instance's status shows the input the user started it with, not the interpreter's run input.</summary>
public sealed class InstanceInputTests : IAsyncLifetime
{
    private readonly TestHost _host = new();

    public async Task InitializeAsync() => await _host.PublishOkAsync(TestWorkflows.Echo);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StatusListAndHistory_WorkflowInstance_ShowTheUsersInput()
    {
        var input = new JsonObject { ["text"] = "hello" };
        await _host.StartAsync("echo-flow", input, "user-input");
        await _host.WaitForCompletionAsync("user-input");

        var status = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/runtime/webhooks/durabletask/instances/user-input?showHistory=true"));
        var list = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/runtime/webhooks/durabletask/instances?showInput=true&instanceIdPrefix=user-"));

        Assert.Equal("RunWorkflow", (string?)status["name"]);
        Assert.Equal(input.ToJsonString(), status["input"]!.ToJsonString());
        Assert.Equal("echo-flow", (string?)status["workflow"]!["name"]);
        Assert.Equal(1, (int)status["workflow"]!["version"]!);
        Assert.StartsWith("sha256:", (string?)status["workflow"]!["contentHash"], StringComparison.Ordinal);
        Assert.Equal("echo-flow", (string?)list.AsArray().Single()!["workflow"]!["name"]);
        Assert.Equal(input.ToJsonString(), list.AsArray().Single()!["input"]!.ToJsonString());
        var started = status["historyEvents"]!.AsArray().Single(e => (string?)e!["EventType"] == "ExecutionStarted")!;
        Assert.Equal(input.ToJsonString(), started["Input"]!.ToJsonString());
    }
}
