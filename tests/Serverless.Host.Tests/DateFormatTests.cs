using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Serverless.Api.Routing;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>Every route's answer writes times one way: ISO 8601 UTC, seven fractional digits, <c>Z</c>.</summary>
public sealed partial class DateFormatTests : IAsyncLifetime
{
    private readonly TestHost _host = new(settings: new Dictionary<string, string?> { ["Secrets:DATES_HOOK"] = "dates-hook-secret-0a1b2c" });
    private readonly Dictionary<string, List<string>> _bodies = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryRoute_TimesInTheAnswer_AreIsoUtcWithSevenDigitsAndZ()
    {
        await CallAsync(ApiRoutes.PublishDefinition, HttpMethod.Post, "/api/definitions", TestWorkflows.Echo);
        await CallAsync(ApiRoutes.PublishDefinition, HttpMethod.Post, "/api/definitions", TestWorkflows.Approval);
        await CallAsync(ApiRoutes.PublishDefinition, HttpMethod.Post, "/api/definitions", TestWorkflows.Wait);
        await CallAsync(ApiRoutes.ListDefinitions, HttpMethod.Get, "/api/definitions");
        await CallAsync(ApiRoutes.GetDefinition, HttpMethod.Get, "/api/definitions/echo-flow");
        await CallAsync(ApiRoutes.ListDefinitionVersions, HttpMethod.Get, "/api/definitions/echo-flow/versions");
        await CallAsync(ApiRoutes.ActivateDefinitionVersion, HttpMethod.Post, "/api/definitions/echo-flow/active", "{\"version\":1}");

        await CallAsync(ApiRoutes.StartWorkflow, HttpMethod.Post, "/api/workflows/echo-flow/instances/dates-echo", "{\"text\":\"hi\"}");
        await CallAsync(ApiRoutes.StartOrchestrator, HttpMethod.Post, "/api/orchestrators/NoSuchOrchestrator/x", "{}");
        await CallAsync(DurableApiRoutes.Start, HttpMethod.Post, "/runtime/webhooks/durabletask/orchestrators/NoSuchOrchestrator", "{}");
        await _host.WaitForCompletionAsync("dates-echo");
        await CallAsync(ApiRoutes.StartWorkflow, HttpMethod.Post, "/api/workflows/approve-flow/instances/dates-approval", "{}");
        await _host.WaitForActivityAsync("dates-approval", "RequestApproval");
        await CallAsync(ApiRoutes.ListPendingApprovals, HttpMethod.Get, "/api/approvals");
        await CallAsync(ApiRoutes.DecideApproval, HttpMethod.Post, "/api/approvals/dates-approval/decide", "{\"approved\":true}");
        await _host.WaitForCompletionAsync("dates-approval");

        await CallAsync(ApiRoutes.StartWorkflow, HttpMethod.Post, "/api/workflows/wait-flow/instances/dates-wait", null);
        await _host.WaitForStartedAsync("dates-wait");
        await CallAsync(DurableApiRoutes.Suspend, HttpMethod.Post, "/runtime/webhooks/durabletask/instances/dates-wait/suspend?reason=x");
        await CallAsync(DurableApiRoutes.Resume, HttpMethod.Post, "/runtime/webhooks/durabletask/instances/dates-wait/resume?reason=x");
        await CallAsync(DurableApiRoutes.RaiseEvent, HttpMethod.Post, "/runtime/webhooks/durabletask/instances/dates-wait/raiseEvent/nothing", "{}");
        await CallAsync(DurableApiRoutes.Terminate, HttpMethod.Post, "/runtime/webhooks/durabletask/instances/dates-wait/terminate?reason=x");
        await _host.WaitForCompletionAsync("dates-wait");

        foreach (var id in new[] { "dates-echo", "dates-approval", "dates-wait" })
        {
            await CallAsync(DurableApiRoutes.GetStatus, HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{id}?showHistory=true&showHistoryOutput=true");
            await CallAsync(ApiRoutes.AuditTrail, HttpMethod.Get, $"/api/instances/{id}/audit");
        }

        await CallAsync(DurableApiRoutes.List, HttpMethod.Get, "/runtime/webhooks/durabletask/instances?showInput=true");
        await CallAsync(DurableApiRoutes.Rewind, HttpMethod.Post, "/runtime/webhooks/durabletask/instances/dates-echo/rewind");
        await CallAsync(DurableApiRoutes.Restart, HttpMethod.Post, "/runtime/webhooks/durabletask/instances/dates-echo/restart?restartWithNewInstanceId=true");
        await CallAsync(ApiRoutes.WorkflowMetrics, HttpMethod.Get, "/api/workflows/echo-flow/metrics");

        await CallAsync(ApiRoutes.PutSchedule, HttpMethod.Put, "/api/schedules/dates", "{\"workflow\":\"echo-flow\",\"cron\":\"0 0 * * * *\",\"input\":{\"text\":\"t\"}}");
        await CallAsync(ApiRoutes.GetSchedule, HttpMethod.Get, "/api/schedules/dates");
        await CallAsync(ApiRoutes.ListSchedules, HttpMethod.Get, "/api/schedules");
        await CallAsync(ApiRoutes.PauseSchedule, HttpMethod.Post, "/api/schedules/dates/pause");
        await CallAsync(ApiRoutes.ResumeSchedule, HttpMethod.Post, "/api/schedules/dates/resume");
        await CallAsync(ApiRoutes.DeleteSchedule, HttpMethod.Delete, "/api/schedules/dates");
        await CallAsync(ApiRoutes.PutTrigger, HttpMethod.Put, "/api/triggers/dates",
            "{\"auth\":{\"mode\":\"key\",\"secret\":\"DATES_HOOK\"},\"rules\":[{\"id\":\"r\",\"start\":{\"workflow\":\"echo-flow\",\"input\":{\"text\":\"t\"}}}]}");
        await CallAsync(ApiRoutes.DeliverHook, HttpMethod.Post, "/api/hooks/dates", "{}", ("x-trigger-key", "dates-hook-secret-0a1b2c"));
        await CallAsync(ApiRoutes.DeliverHook, HttpMethod.Post, "/api/hooks/dates", "{}");
        await CallAsync(ApiRoutes.GetTrigger, HttpMethod.Get, "/api/triggers/dates");
        await CallAsync(ApiRoutes.ListTriggers, HttpMethod.Get, "/api/triggers");
        await CallAsync(ApiRoutes.PauseTrigger, HttpMethod.Post, "/api/triggers/dates/pause");
        await CallAsync(ApiRoutes.ResumeTrigger, HttpMethod.Post, "/api/triggers/dates/resume");
        await CallAsync(ApiRoutes.AuditTrail, HttpMethod.Get, "/api/instances/~trigger.dates/audit");
        await CallAsync(ApiRoutes.DeleteTrigger, HttpMethod.Delete, "/api/triggers/dates");
        await CallAsync(ApiRoutes.Health, HttpMethod.Get, "/api/health");
        await CallAsync(ApiRoutes.OpenApi, HttpMethod.Get, "/api/openapi.json");
        await CallAsync(ApiRoutes.WhoAmI, HttpMethod.Get, "/api/me");
        await CallAsync(ApiRoutes.Dashboard, HttpMethod.Get, "/api/dashboard/");
        await CallAsync(DurableApiRoutes.PurgeOne, HttpMethod.Delete, "/runtime/webhooks/durabletask/instances/dates-wait");
        await CallAsync(DurableApiRoutes.PurgeMany, HttpMethod.Delete, "/runtime/webhooks/durabletask/instances?createdTimeFrom=2000-01-01T00:00:00Z&runtimeStatus=Completed");

        Assert.Equal(
            ApiRoutes.All.Concat(DurableApiRoutes.All).Select(r => r.FunctionName).Order(),
            _bodies.Keys.Order());
        var times = _bodies.SelectMany(b => TimeLike().Matches(string.Join('\n', b.Value)).Select(m => (Route: b.Key, Text: m.Groups[1].Value))).ToList();
        Assert.Contains(times, t => t.Route == "DurableGetStatus");
        Assert.Contains(times, t => t.Route == "AuditTrail");
        Assert.Contains(times, t => t.Route == "ListPendingApprovals");
        Assert.Contains(times, t => t.Route == "ListDefinitions");
        Assert.Contains(times, t => t.Route == "GetTrigger");
        Assert.All(times, t => Assert.True(CanonicalTime().IsMatch(t.Text), $"{t.Route} wrote the time '{t.Text}'."));
    }

    private async Task CallAsync(ApiRoute route, HttpMethod method, string path, string? body = null, (string Name, string Value)? header = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-ms-client-principal-name", "alice");
        if (header is { } h)
        {
            request.Headers.Add(h.Name, h.Value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{route.FunctionName}: {(int)response.StatusCode} {text}");
        if (!_bodies.TryGetValue(route.FunctionName, out var bodies))
        {
            _bodies[route.FunctionName] = bodies = [];
        }

        bodies.Add(text);
    }

    // A JSON string that starts like a date and time (escaped quotes inside embedded JSON included).
    [GeneratedRegex(@"\\?""(\d{4}-\d{2}-\d{2}T[^""\\]*)\\?""")]
    private static partial Regex TimeLike();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$")]
    private static partial Regex CanonicalTime();
}
