using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>
/// <c>{{secrets.NAME}}</c> over the real host: the called server receives the value; history, instance rows, status,
/// custom status, audit, the dashboard's API answers and every log line hold only the reference or <c>***</c>.
/// </summary>
public sealed class SecretReferenceTests
{
    private const string Reference = "{{secrets.SHOP_TOKEN}}";

    [Fact]
    public async Task Run_HttpStepWithBearerReference_ServerGetsValueStoredAndShownNowhere()
    {
        // Arrange
        var token = $"shop-{Guid.NewGuid():N}";
        await using var server = await LoopbackServer.StartAsync();
        await using var host = new KestrelHost(new Dictionary<string, string?> { ["LogLevel"] = "Trace", ["Secrets:SHOP_TOKEN"] = token });
        var definition = $$$"""
            { "name": "shop-sync", "version": 1,
              "steps": [
                { "id": "call", "kind": "activity", "activity": "http",
                  "input": { "method": "POST", "url": "{{{server.BaseAddress}}}orders", "maxAttempts": 1,
                             "headers": { "Authorization": "Bearer {{secrets.SHOP_TOKEN}}" },
                             "body": { "order": "{{input.orderId}}", "signature": "key={{secrets.SHOP_TOKEN}}" } } },
                { "id": "show", "kind": "activity", "activity": "echo", "input": { "token": "{{secrets.SHOP_TOKEN}}" } },
                { "id": "broken", "kind": "activity", "activity": "http", "onError": "continue",
                  "input": { "url": "{{{server.BaseAddress}}}fail/{{secrets.SHOP_TOKEN}}/x", "maxAttempts": 1 } } ],
              "output": { "echoed": "{{steps.call.output.body.authorization}}", "shown": "{{steps.show.output.token}}", "error": "{{steps.broken.error.message}}" } }
            """;
        Assert.Equal(HttpStatusCode.Created, (await PublishAsync(host, definition)).StatusCode);

        // Act
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync("/api/workflows/shop-sync/instances/shop-1", new { orderId = "o-17" })).StatusCode);
        var client = host.Services.GetRequiredService<RuntimeService>().Client;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await client.WaitForInstanceCompletionAsync("shop-1", true, limit.Token);

        // Assert: the value reached the server, in the header, the body and the URL.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal($"Bearer {token}", requests[0].Authorization);
        Assert.Contains($"key={token}", requests[0].Body, StringComparison.Ordinal);
        Assert.Equal($"/fail/{token}/x", requests[1].PathAndQuery);

        // What comes back is masked.
        var output = JsonNode.Parse(done.SerializedOutput!)!["output"]!;
        Assert.Equal("Bearer ***", output["echoed"]!.GetValue<string>());
        Assert.Equal("***", output["shown"]!.GetValue<string>());
        Assert.Contains("/fail/***/x returned 500", output["error"]!.GetValue<string>(), StringComparison.Ordinal);

        // Status (with history and input), custom status, lists, audit, metrics, definitions: never the value.
        var answers = new List<string>();
        foreach (var path in new[]
        {
            "/runtime/webhooks/durabletask/instances/shop-1?showHistory=true&showHistoryOutput=true&showInput=true",
            "/runtime/webhooks/durabletask/instances?showInput=true",
            "/api/instances/shop-1/audit",
            "/api/workflows/shop-sync/metrics",
            "/api/definitions/shop-sync",
            "/api/definitions",
        })
        {
            using var response = await host.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(answers, a => Assert.DoesNotContain(token, a, StringComparison.Ordinal));
        Assert.Contains("customStatus", answers[0], StringComparison.Ordinal);
        Assert.Contains("Bearer ***", answers[0], StringComparison.Ordinal);
        Assert.Contains("/fail/***/x returned 500", answers[2], StringComparison.Ordinal);

        // The SQLite files (history, instances, work items, product tables) hold the reference, never the value.
        var stored = DataFiles(host.DataDirectory);
        Assert.Contains(stored, f => f.Text.Contains(Reference, StringComparison.Ordinal));
        Assert.All(stored, f => Assert.False(f.Text.Contains(token, StringComparison.Ordinal), $"{f.Path} holds the secret value"));

        // Log lines at every level: the value is masked even where a library logs the URL.
        var lines = host.Logs.Lines;
        Assert.Contains(lines, l => l.AllText.Contains("/fail/***/x", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.AllText.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_UnknownSecret_ProblemWithLocationAndNothingStored()
    {
        await using var host = new KestrelHost();
        var definition = """
            { "name": "needs-secret", "version": 1,
              "steps": [ { "id": "call", "kind": "activity", "activity": "http",
                           "input": { "url": "https://shop.example/", "headers": { "Authorization": "Bearer {{secrets.NOT_SET}}" } } } ] }
            """;

        using var response = await PublishAsync(host, definition);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray())!;
        Assert.Equal("WF404", error["code"]!.GetValue<string>());
        Assert.Equal("$.steps[0].input.headers.Authorization", error["path"]!.GetValue<string>());
        Assert.Contains("Secrets__NOT_SET", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/definitions/needs-secret")).StatusCode);
    }

    [Fact]
    public async Task Run_SecretRemovedAfterPublish_StepFailsNamingSecretAndNothingSent()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var host = new KestrelHost(new Dictionary<string, string?> { ["Secrets:LATER"] = "later-value-1234" });
        var definition = $$$"""
            { "name": "later", "version": 1,
              "steps": [ { "id": "call", "kind": "activity", "activity": "http",
                           "input": { "url": "{{{server.BaseAddress}}}x", "headers": { "X-Key": "{{secrets.LATER}}" } } } ] }
            """;
        Assert.Equal(HttpStatusCode.Created, (await PublishAsync(host, definition)).StatusCode);
        host.Services.GetRequiredService<IConfiguration>()["Secrets:LATER"] = null;

        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync("/api/workflows/later/instances/later-1", new { })).StatusCode);
        var client = host.Services.GetRequiredService<RuntimeService>().Client;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await client.WaitForInstanceCompletionAsync("later-1", true, limit.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("Secret 'LATER' referenced at $.headers['X-Key'] of the activity's input is not configured", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static Task<HttpResponseMessage> PublishAsync(KestrelHost host, string definition) =>
        host.Client.PostAsync("/api/definitions", new StringContent(definition, Encoding.UTF8, "application/json"));

    // Every file of the data folder but the engine's process-ownership locks (held exclusively, and empty), read while
    // the host runs, as SQLite shares them (the -wal file holds the latest pages).
    private static List<(string Path, string Text)> DataFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(path => !path.EndsWith(".lock", StringComparison.Ordinal)).Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return (path, Encoding.UTF8.GetString(bytes.ToArray()));
        })];
}
