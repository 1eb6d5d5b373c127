using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Api.Workflows;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>Only published definitions run, pinned by their real hash, whichever start route names RunWorkflow.</summary>
public sealed class PublishedRunGateTests : IAsyncLifetime
{
    private const string Forged = """{"name":"evil","version":1,"steps":[{"id":"boom","kind":"activity","activity":"echo","input":{"x":1}}]}""";
    private readonly TestHost _host = new();

    public static TheoryData<string> StartRoutes => new() { "/api/orchestrators/RunWorkflow/", "/runtime/webhooks/durabletask/orchestrators/RunWorkflow/" };

    public async Task InitializeAsync()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(StartRoutes))]
    public async Task Start_InlineNeverPublishedDefinition_Returns404AndStartsNothing(string route)
    {
        var body = new { workflow = "evil", version = 1, contentHash = "sha256:0000", definition = Forged, input = new { } };

        var problem = await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync(route + "forged-1", body), 404);

        Assert.Contains("no published version 1", (string?)problem["detail"], StringComparison.Ordinal);
        await AssertNothingStartedAsync();
    }

    [Theory]
    [MemberData(nameof(StartRoutes))]
    public async Task Start_PublishedNameWithMadeUpHashOrOtherText_Returns400AndStartsNothing(string route)
    {
        var published = await PublishedInputAsync();
        var madeUpHash = published.DeepClone().AsObject();
        madeUpHash["contentHash"] = "sha256:" + new string('a', 64);
        var otherText = published.DeepClone().AsObject();
        otherText["definition"] = Forged.Replace("\"evil\"", "\"echo-flow\"", StringComparison.Ordinal);
        var continued = published.DeepClone().AsObject();
        continued["continuation"] = new JsonObject { ["resumeAt"] = 5 };

        foreach (var body in new[] { madeUpHash, otherText, continued })
        {
            await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync(route + "forged-2", body), 400);
        }

        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync(route + "forged-3", new { definition = Forged }), 400);
        await AssertNothingStartedAsync();
    }

    [Theory]
    [MemberData(nameof(StartRoutes))]
    public async Task Start_PublishedRunInput_RunsTheStoredCopyWithTheCallerAsStarter(string route)
    {
        var input = await PublishedInputAsync();
        input["startedBy"] = "someone.else";
        using var request = new HttpRequestMessage(HttpMethod.Post, route + "pinned-1") { Content = JsonContent.Create(input) };
        request.Headers.Add("x-ms-client-principal-name", "operator");

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await _host.WaitForCompletionAsync("pinned-1");
        Assert.Equal("Completed", done.RuntimeStatus.ToString());
        var trail = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/instances/pinned-1/audit"));
        var started = trail["entries"]!.AsArray().Single(e => (string?)e!["eventType"] == "WorkflowStarted")!;
        Assert.Equal("operator", (string?)started["details"]!["startedBy"]);
    }

    private async Task<JsonObject> PublishedInputAsync()
    {
        var run = await _host.Get<WorkflowStarter>().PrepareAsync("echo-flow", 1, JsonDocument.Parse("""{"text":"z"}""").RootElement, null, null, default);
        return JsonSerializer.SerializeToNode(run, JsonSerializerOptions.Web)!.AsObject();
    }

    private async Task AssertNothingStartedAsync() =>
        Assert.Empty((await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/runtime/webhooks/durabletask/instances"))).AsArray());
}
