using Microsoft.Playwright;
using Serverless.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Dashboard.Tests;

/// <summary>The dashboard offers only what the key's roles allow (GET /api/me); the API checks every call anyway.</summary>
public sealed class DashboardRoleTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private const string WaitFlow = """
        { "name": "wait-flow", "version": 1, "steps": [ { "id": "go", "kind": "wait", "event": "go" } ], "output": "{{steps.go.output}}" }
        """;

    [BrowserFact]
    public async Task ReaderKey_OperatorAndAuthorActions_DisabledOrHiddenWithTheReason()
    {
        await host.PublishAsync(WaitFlow);
        await host.StartAsync("wait-flow", "reader-view-1", new { });
        await host.PutScheduleAsync("reader-schedule", new { workflow = "wait-flow", cron = "0 0 7 * * *", input = new { } });
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/instances/reader-view-1");
        await browser.EnterKeyAsync(DashboardHost.ReaderKey);
        var page = browser.Page;

        await Expect(page.Locator("#identity")).ToHaveTextAsync("Signed in as viewer");
        await Expect(page.Locator("#identity")).ToHaveAttributeAsync("data-roles", "reader");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Running");
        foreach (var action in new[] { "Raise event", "Suspend", "Terminate" })
        {
            var button = page.GetByRole(AriaRole.Button, new() { Name = action });
            await Expect(button).ToBeDisabledAsync();
            await Expect(button).ToHaveAttributeAsync("title", "Needs the operator role (or admin); you hold reader.");
        }

        await browser.GoToAsync("#/definitions");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "wait-flow" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Publish a definition" })).ToHaveCountAsync(0);

        await browser.GoToAsync("#/schedules");
        var pause = page.Locator("tr[data-schedule='reader-schedule']").GetByRole(AriaRole.Button, new() { Name = "Pause" });
        await Expect(pause).ToBeDisabledAsync();
        await browser.ScreenshotAsync("reader-schedules");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
    }

    [BrowserFact]
    public async Task AdminKey_SameInstance_ActionsEnabled()
    {
        await host.PublishAsync(WaitFlow);
        await host.StartAsync("wait-flow", "admin-view-1", new { });
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/instances/admin-view-1");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Running");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Terminate" })).ToBeEnabledAsync();
        await browser.GoToAsync("#/definitions");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Publish a definition" })).ToBeVisibleAsync();
    }
}
