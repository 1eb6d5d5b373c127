using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Api.Logging;
using Serverless.Host.Logging;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Runtime.History;

namespace Serverless.Host.Tests;

/// <summary>What the host writes to its logs, over the real server: no secrets at any level, and little by default.</summary>
public sealed class LoggingTests
{
    private const string Principal = "principal.alice@example.test";

    private static readonly string Approval = $$"""
        { "name": "log-approval", "version": 1,
          "steps": [ { "id": "decide", "kind": "approval", "approvers": ["{{Principal}}"], "quorum": 1 } ] }
        """;

    [Fact]
    public async Task Logs_EveryLevel_NeverHoldKeyOrPrincipal()
    {
        await using var host = new KestrelHost(new Dictionary<string, string?> { ["LogLevel"] = "Trace" });
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var http = $$"""
            { "name": "log-http", "version": 1,
              "steps": [ { "id": "call", "kind": "activity", "activity": "http",
                           "input": { "url": "{{host.BaseAddress}}api/health?code={{KestrelHost.Key}}&x=1", "maxAttempts": 1 } } ] }
            """;

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/definitions?code={KestrelHost.Key}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/definitions?code=wrong-key-0123456789")).StatusCode);
        await host.SendRawAsync($"GET /api/definitions/a%00b?code={KestrelHost.Key} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        await host.SendRawAsync($"GET /api/x?code={KestrelHost.Key} HTTP/1.1 junk\r\n\r\n");
        Assert.Equal(HttpStatusCode.Created, (await Publish(host, http)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Publish(host, Approval)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync("/api/workflows/log-http/instances/http-1", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync("/api/workflows/log-approval/instances/approval-1", new { })).StatusCode);
        await WaitForRequestAsync(host, "approval-1");
        using var decide = new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/approval-1/decide?code={KestrelHost.Key}") { Content = JsonContent.Create(new { approved = true }) };
        decide.Headers.Add("x-ms-client-principal-name", Principal);
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.SendAsync(decide)).StatusCode);
        var client = host.Services.GetRequiredService<RuntimeService>().Client;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await client.WaitForInstanceCompletionAsync("http-1", false, limit.Token)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await client.WaitForInstanceCompletionAsync("approval-1", false, limit.Token)).RuntimeStatus);

        var lines = host.Logs.Lines;
        Assert.Contains(lines, l => l.Level == LogLevel.Trace);
        Assert.Contains(lines, l => l.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal) && l.Message.Contains("code=***", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.AllText.Contains(KestrelHost.Key, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.AllText.Contains("wrong-key-0123456789", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.AllText.Contains(Principal, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Logs_DefaultSettings_OneLinePerWorkflowStartCompletionAndFailure()
    {
        await using var host = new KestrelHost();
        await Publish(host, TestWorkflows.Echo);
        await Publish(host, TestWorkflows.Failing);
        host.Logs.Clear();

        for (var i = 0; i < 5; i++)
        {
            await host.Client.GetAsync("/api/definitions");
            await host.Client.GetAsync("/api/health");
        }

        await host.Client.PostAsJsonAsync("/api/workflows/echo-flow/instances/quiet-1", new { text = "x" });
        await host.Client.PostAsJsonAsync("/api/workflows/fail-flow/instances/quiet-2", new { });
        var client = host.Services.GetRequiredService<RuntimeService>().Client;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await client.WaitForInstanceCompletionAsync("quiet-1", false, limit.Token);
        await client.WaitForInstanceCompletionAsync("quiet-2", false, limit.Token);
        await host.Client.GetAsync("/runtime/webhooks/durabletask/instances/quiet-1");

        var lines = host.Logs.Lines.Where(l => l.Level >= LogLevel.Information).ToList();
        Assert.True(lines.Count == 4, string.Join(Environment.NewLine, lines.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
        Assert.All(lines, l => Assert.Equal(HostLogging.WorkflowCategory, l.Category));
        Assert.Single(lines, l => l.Message.Contains("started as quiet-1", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Message.Contains("(quiet-1) completed", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Message.Contains("started as quiet-2", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Message.Contains("(quiet-2) failed", StringComparison.Ordinal) && l.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Logs_LogLevelInformation_BringsBackTheRequestLines()
    {
        await using var host = new KestrelHost(new Dictionary<string, string?> { ["LogLevel"] = "information" });
        host.Logs.Clear();

        await host.Client.GetAsync("/api/health");

        Assert.Contains(host.Logs.Lines, l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && l.Level == LogLevel.Information);
    }

    [Fact]
    public void Host_UnknownLogLevelSetting_RefusesToStart()
    {
        var error = Assert.ThrowsAny<Exception>(() => new KestrelHost(new Dictionary<string, string?> { ["LogLevel"] = "Loud" }));

        Assert.Contains("Setting LogLevel must be one of", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Publish(KestrelHost host, string definition) =>
        host.Client.PostAsync("/api/definitions", new StringContent(definition, Encoding.UTF8, "application/json"));

    private static async Task WaitForRequestAsync(KestrelHost host, string instanceId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.Services.GetRequiredService<RuntimeService>().Runtime.WaitForHistoryAsync(instanceId, history =>
        {
            var scheduled = history.OfType<TaskScheduled>().Where(e => e.Name == "RequestApproval").Select(e => e.EventId).ToHashSet();
            return history.OfType<TaskCompleted>().Any(e => scheduled.Contains(e.TaskScheduledId));
        }, limit.Token);
    }
}
