using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Serverless.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Dashboard.Tests;

/// <summary>The dashboard's control actions: each asks first, cancelling changes nothing, confirming calls the API.</summary>
public sealed class DashboardActionTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private const string WaitFlow = """
        { "name": "wait-flow", "version": 1, "steps": [ { "id": "go", "kind": "wait", "event": "go" } ], "output": "{{steps.go.output}}" }
        """;

    [BrowserFact]
    public async Task InstancePage_SuspendResumeRaiseEventPurge_EachConfirmedAndApplied()
    {
        await host.PublishAsync(WaitFlow);
        await host.StartAsync("wait-flow", "wait-1", new { });
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/instances/wait-1");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(heading).ToContainTextAsync("Running");

        await page.GetByRole(AriaRole.Button, new() { Name = "Terminate" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("cannot be resumed");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal("Running", await RuntimeStatusAsync("wait-1"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        await dialog.GetByLabel("Reason").FillAsync("maintenance");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        await Expect(heading).ToContainTextAsync("Suspended");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(heading).ToContainTextAsync("Running");

        await page.GetByRole(AriaRole.Button, new() { Name = "Raise event" }).ClickAsync();
        await dialog.GetByLabel("Event name").FillAsync("go");
        await dialog.GetByLabel("Payload (JSON)").FillAsync("{\"ok\": true}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Raise event" }).ClickAsync();
        await Expect(heading).ToContainTextAsync("Completed");
        await Expect(page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Output" }) })).ToContainTextAsync("\"ok\": true");
        await Expect(page.Locator("table.timeline")).ToContainTextAsync("event go");
        await Expect(page.Locator("table.timeline")).ToContainTextAsync("suspended");

        await page.GetByRole(AriaRole.Button, new() { Name = "Purge" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Purge" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Instances", Level = 1 })).ToBeVisibleAsync();
        using var gone = await host.Client.GetAsync("/runtime/webhooks/durabletask/instances/wait-1");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [BrowserFact]
    public async Task InstancePage_Terminate_EndsInstanceWithReason()
    {
        await host.PublishAsync(WaitFlow);
        await host.StartAsync("wait-flow", "wait-2", new { });
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/instances/wait-2");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;
        var dialog = page.GetByRole(AriaRole.Dialog);

        await page.GetByRole(AriaRole.Button, new() { Name = "Terminate" }).ClickAsync();
        await dialog.GetByLabel("Reason").FillAsync("ordered by mistake");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Terminate" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Terminated");
        await Expect(page.Locator(".audit-trail")).ToContainTextAsync("WorkflowTerminated");
        await Expect(page.Locator(".audit-trail")).ToContainTextAsync("ordered by mistake");
        Assert.Equal("Terminated", await RuntimeStatusAsync("wait-2"));
    }

    [BrowserFact]
    public async Task DefinitionPage_RollBack_MakesOlderVersionActive()
    {
        await host.PublishAsync(TestDefinitions.Echo.Replace("echo-flow", "rolling", StringComparison.Ordinal));
        await host.PublishAsync(TestDefinitions.Echo.Replace("echo-flow", "rolling", StringComparison.Ordinal).Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal).Replace("PT0.2S", "PT0.3S", StringComparison.Ordinal));
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/definitions/rolling");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("rolling v2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back to v1" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("New instances will start with v1 instead of v2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Activate v2" })).ToBeVisibleAsync();
        var versions = JsonNode.Parse(await host.Client.GetStringAsync("/api/definitions/rolling/versions"))!;
        Assert.Equal(1, (int)versions["activeVersion"]!);
    }

    [BrowserFact]
    public async Task SchedulesPage_PauseThenResume_ChangesTheSchedule()
    {
        await host.PublishAsync(TestDefinitions.Echo);
        await host.PutScheduleAsync("every-morning", new { workflow = "echo-flow", cron = "0 0 7 * * *", timeZone = "Asia/Tokyo", input = new { text = "morning" } });
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/schedules");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;
        var row = page.Locator("tr[data-schedule='every-morning']");
        await Expect(row.Locator("time").First).ToContainTextAsync("07:00:00 GMT+9");

        await row.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeVisibleAsync();
        Assert.True((bool)JsonNode.Parse(await host.Client.GetStringAsync("/api/schedules/every-morning"))!["paused"]!);

        await row.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();
        Assert.False((bool)JsonNode.Parse(await host.Client.GetStringAsync("/api/schedules/every-morning"))!["paused"]!);
    }

    private async Task<string?> RuntimeStatusAsync(string instanceId)
    {
        using var response = await host.Client.GetAsync($"/runtime/webhooks/durabletask/instances/{instanceId}");
        return (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["runtimeStatus"];
    }
}
