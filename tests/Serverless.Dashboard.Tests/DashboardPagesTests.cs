using Microsoft.Playwright;
using Serverless.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Dashboard.Tests;

/// <summary>
/// Every page of the dashboard with real data behind it: each shows what it should, has no serious or critical axe
/// violations, and is saved as a screenshot (docs/dashboard.md uses them).
/// </summary>
public sealed class DashboardPagesTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [BrowserFact]
    public async Task EveryPage_WithData_ShowsItAndHasNoSeriousAccessibilityViolations()
    {
        await host.PublishAsync(TestDefinitions.Echo);
        await host.PublishAsync(TestDefinitions.Showcase);
        await host.StartAsync("echo-flow", "echo-1", new { text = "hi" });
        await host.StartAsync("order-showcase", "order-shipped", new { sku = "book", fail = false });
        await host.StartAsync("order-showcase", "order-failed", new { sku = "lamp", fail = true });
        await host.StartAsync("order-showcase", "order-waiting", new { sku = "desk", fail = false });
        await host.PutScheduleAsync("nightly-echo", new { workflow = "echo-flow", cron = "0 0 2 * * *", timeZone = "Europe/Berlin", input = new { text = "night" } });
        await host.PutScheduleAsync("hourly-echo", new { workflow = "echo-flow", cron = "0 30 * * * *", timeZone = "America/New_York", paused = true, input = new { text = "hour" } });

        // Bob approves two orders in his own browser; the third waits for Alice.
        await using (var bob = await DashboardBrowser.OpenAsync(host.BaseAddress, principal: "manager.bob"))
        {
            await bob.GoToAsync("#/approvals");
            await bob.EnterKeyAsync(DashboardHost.Key);
            foreach (var id in new[] { "order-shipped", "order-failed" })
            {
                var card = bob.Page.Locator($"article.approval[data-instance='{id}']");
                await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
                await bob.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
                await Expect(card).ToHaveCountAsync(0);
            }
        }

        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress, principal: "manager.alice");
        var page = browser.Page;
        var violations = new List<string>();
        async Task CheckAsync(string name)
        {
            violations.AddRange((await browser.SeriousAccessibilityViolationsAsync()).Select(v => $"{name}: {v}"));
        }

        await browser.GoToAsync("#/instances/order-failed");
        await browser.EnterKeyAsync(DashboardHost.Key);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Failed");
        await Expect(page.Locator(".graph [data-step='explode']")).ToHaveAttributeAsync("data-state", "failed");
        await Expect(page.Locator(".graph [data-step='reserve']")).ToHaveAttributeAsync("data-state", "compensated");
        await Expect(page.Locator("section", new() { HasText = "Failure" }).First).ToContainTextAsync("carrier rejected the parcel");
        await browser.ScreenshotAsync("instance-failed");
        await CheckAsync("failed instance");

        await browser.GoToAsync("#/instances/order-shipped");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Completed");
        foreach (var step in new[] { "reserve", "fraudCheck", "stockCheck", "approve", "pollStatus", "ship" })
        {
            await Expect(page.Locator($".graph [data-step='{step}']")).ToHaveAttributeAsync("data-state", "completed");
        }

        await Expect(page.Locator(".graph [data-step='explode']")).ToHaveAttributeAsync("data-state", "pending");
        await browser.ScreenshotAsync("instance-graph", page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Step graph" }) }));
        await browser.ScreenshotAsync("instance-timeline-section", page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Timeline" }) }));
        await CheckAsync("completed instance");

        await browser.GoToAsync("#/instances");
        await Expect(page.Locator("tr[data-instance='order-waiting']")).ToContainTextAsync("approve");
        await Expect(page.Locator("tr[data-instance='order-waiting'] progress")).ToHaveAttributeAsync("max", "10");
        await page.GetByLabel("Workflow or orchestrator").FillAsync("order-showcase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator("table.instances tbody tr")).ToHaveCountAsync(3);
        await page.GetByLabel("Status").SelectOptionAsync("Failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator("table.instances tbody tr")).ToHaveCountAsync(1);
        await page.GetByLabel("Status").SelectOptionAsync(string.Empty);
        await page.GetByLabel("Workflow or orchestrator").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator("table.instances tbody tr")).ToHaveCountAsync(4);
        await browser.ScreenshotAsync("instances");
        await CheckAsync("instances");

        await browser.GoToAsync("#/audit");
        await page.GetByLabel("Instance id").FillAsync("order-shipped");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show trail" }).ClickAsync();
        await Expect(page.Locator(".verified.ok")).ToContainTextAsync("Hash chain verified");
        var sequence = await page.Locator(".audit-trail tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(Enumerable.Range(1, sequence.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), sequence);
        await Expect(page.Locator(".audit-trail tbody tr").First).ToContainTextAsync("WorkflowStarted");
        await Expect(page.Locator(".audit-trail")).ToContainTextAsync("manager.bob");
        await browser.ScreenshotAsync("audit");
        await CheckAsync("audit");

        await browser.GoToAsync("#/definitions");
        await Expect(page.Locator("table.data")).ToContainTextAsync("order-showcase");
        await CheckAsync("definitions");

        await browser.GoToAsync("#/definitions/order-showcase");
        await Expect(page.Locator(".graph .kind-parallel .column-label")).ToHaveTextAsync(["branch fraud", "branch stock"]);
        await Expect(page.Locator(".graph .kind-switch .column-label")).ToHaveTextAsync(["when input.fail == true", "otherwise"]);
        await Expect(page.Locator(".graph .kind-loop .loop-body")).ToHaveCountAsync(1);
        await Expect(page.Locator(".graph .kind-approval")).ToContainTextAsync("escalation 1 after P1D: director.dana");
        await Expect(page.Locator(".graph .undo-box")).ToHaveTextAsync("⤺compensate: echo");
        await browser.ScreenshotAsync("definition");
        await CheckAsync("definition");

        await browser.GoToAsync("#/approvals");
        await Expect(page.Locator("article.approval[data-instance='order-waiting']")).ToContainTextAsync("Order of desk");
        await Expect(page.Locator("article.approval")).ToHaveCountAsync(1);
        await CheckAsync("approvals");

        await browser.GoToAsync("#/schedules");
        var nightly = page.Locator("tr[data-schedule='nightly-echo']");
        await Expect(nightly.Locator("time")).ToHaveCountAsync(5);
        await Expect(nightly.Locator("time").First).ToContainTextAsync("02:00:00 CET");
        await Expect(page.Locator("tr[data-schedule='hourly-echo']")).ToContainTextAsync("paused");
        await browser.ScreenshotAsync("schedules");
        await CheckAsync("schedules");

        await browser.GoToAsync("#/metrics");
        await Expect(page.Locator("figure.chart-figure")).ToHaveCountAsync(3);
        await Expect(page.Locator("svg.chart").First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("order-showcase: 50.0% of 2"));
        await browser.ScreenshotAsync("metrics");
        await CheckAsync("metrics");

        Assert.Empty(violations);
    }
}
