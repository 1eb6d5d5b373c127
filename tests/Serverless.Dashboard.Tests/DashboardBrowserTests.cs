using System.Net;
using Microsoft.Playwright;
using Serverless.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Dashboard.Tests;

/// <summary>The dashboard in Chromium against the real host: what a user sees and can do.</summary>
public sealed class DashboardBrowserTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [BrowserFact]
    public async Task InstancesPage_CompletedInstance_ListedAndTimelineShowsEachStep()
    {
        await host.PublishAsync(TestDefinitions.Echo);
        await host.StartAsync("echo-flow", "echo-timeline-1", new { text = "hello" });
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);

        await browser.GoToAsync("#/instances");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var row = browser.Page.Locator("tr[data-instance='echo-timeline-1']");
        await Expect(row).ToContainTextAsync("echo-flow v1");
        await row.GetByRole(AriaRole.Link, new() { Name = "echo-timeline-1" }).ClickAsync();

        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Instance echo-timeline-1", Level = 1 })).ToContainTextAsync("Completed");
        var timeline = page.Locator("table.timeline");
        foreach (var step in new[] { "say", "pause", "again" })
        {
            await Expect(timeline.Locator("tr.row-step", new() { HasText = $"step {step}" })).ToHaveAttributeAsync("data-state", "completed");
            await Expect(page.Locator($".graph [data-step='{step}']")).ToHaveAttributeAsync("data-state", "completed");
        }

        await Expect(timeline.Locator("tr.row-timer")).ToHaveCountAsync(1);
        await Expect(timeline.Locator("tr.row-call", new() { HasText = "call echo" })).ToHaveCountAsync(2);
        await Expect(page.Locator(".verified.ok")).ToContainTextAsync("Hash chain verified");
        await browser.ScreenshotAsync("instance-timeline", fullPage: true);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
    }

    [BrowserFact]
    public async Task ApprovalsPage_ApproveInBrowser_InstanceCompletes()
    {
        await host.PublishAsync(TestDefinitions.Approval);
        await host.StartAsync("purchase-approval", "purchase-1", new { item = "a laptop" });
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress, principal: "alice");
        await browser.GoToAsync("#/approvals");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;
        await Expect(page.Locator("#identity")).ToHaveTextAsync("Signed in as alice");

        // The inbox refreshes by itself: the request appears once the instance has reached its approval step.
        var card = page.Locator("article.approval[data-instance='purchase-1']");
        await Expect(card).ToBeVisibleAsync();
        using (var bob = await host.DecideAsync("purchase-1", "decide", "bob", approved: true, comment: "fine by me"))
        {
            Assert.Equal(HttpStatusCode.Accepted, bob.StatusCode);
        }

        await page.ReloadAsync();
        await Expect(card.Locator(".decisions")).ToContainTextAsync("bob approved: “fine by me”");
        await Expect(card).ToContainTextAsync("2 approvals needed; 1 decision so far");
        await Expect(card).ToContainTextAsync("0 (first approvers)");
        await card.GetByLabel("Comment (optional)").FillAsync("within budget");
        await browser.ScreenshotAsync("approvals");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("You decide as alice");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.Locator("#toast")).ToContainTextAsync("Approved: Buy a laptop");
        await Expect(card).ToHaveCountAsync(0);

        await browser.GoToAsync("#/instances/purchase-1");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Completed");
        await Expect(page.Locator(".audit-trail")).ToContainTextAsync("alice");
        await Expect(page.Locator(".audit-trail")).ToContainTextAsync("within budget");
        await Expect(page.Locator(".graph [data-step='decide']")).ToHaveAttributeAsync("data-state", "completed");
        await browser.ScreenshotAsync("approved-instance", fullPage: true);
    }

    [BrowserFact]
    public async Task PublishPage_InvalidDefinition_ShowsEveryErrorAtItsLine()
    {
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/definitions/publish");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;

        await page.GetByLabel("Definition (JSON or YAML)").FillAsync(TestDefinitions.Invalid);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        var problems = page.Locator(".validation li.problem");
        await Expect(problems).ToHaveCountAsync(3);
        await Expect(page.Locator(".validation h2")).ToContainTextAsync("Invalid workflow definition: 3 problems");
        await Expect(problems.Nth(0)).ToContainTextAsync("line 3, column");
        await Expect(problems.Nth(0)).ToContainTextAsync("WF401");
        await Expect(problems.Nth(0)).ToContainTextAsync("noSuchActivity");
        await Expect(page.Locator(".validation li.problem[data-line='4']")).ToHaveCountAsync(2);
        await Expect(page.Locator(".source-line.has-problem")).ToHaveCountAsync(2);
        await Expect(page.Locator(".source-line.has-problem").Nth(1)).ToContainTextAsync("\"duration\": \"soon\"");
        await Expect(page.Locator(".source-problem")).ToHaveCountAsync(3);
        await browser.ScreenshotAsync("publish-errors", fullPage: true);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        using var listed = await host.Client.GetAsync("/api/definitions/broken");
        Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
    }

    [BrowserFact]
    public async Task Dashboard_WrongKey_ShowsRefusalAndSendsKeyOnlyAsHeader()
    {
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        var page = browser.Page;
        await browser.GoToAsync("#/instances");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter a key" })).ToBeVisibleAsync();

        const string wrong = "not-the-key-9876543210";
        await browser.EnterKeyAsync(wrong);
        await Expect(page.Locator("#identity")).ToHaveTextAsync("Key refused");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Key required (401)");

        await browser.GoToAsync("#/definitions/publish");
        await page.GetByLabel("Definition (JSON or YAML)").FillAsync(TestDefinitions.Echo.Replace("echo-flow", "never-published", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.Locator("#publish-result")).ToContainTextAsync("Key required (401)");
        await browser.ScreenshotAsync("refused");

        Assert.Contains(wrong, browser.SentKeys);
        Assert.DoesNotContain(browser.RequestedUrls, url => url.Contains(wrong, StringComparison.Ordinal) || url.Contains("code=", StringComparison.Ordinal));
        using var listed = await host.Client.GetAsync("/api/definitions/never-published");
        Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
    }

    [BrowserFact]
    public async Task ApprovalsPage_HostNamesNoPrincipal_ExplainsAndSendsNoName()
    {
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/approvals");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;

        await Expect(page.Locator("#identity")).ToHaveTextAsync("Not signed in");
        await Expect(page.Locator("main")).ToContainTextAsync("The host does not say who you are");
        await Expect(page.Locator("main input, main textarea")).ToHaveCountAsync(0);
        Assert.Empty(browser.SentPrincipals);
        Assert.Contains(browser.RequestedUrls, url => url.EndsWith("/api/me", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task PublishPage_UploadedYaml_PublishesAndOpensIt()
    {
        const string yaml = """
            name: uploaded-flow
            version: 1
            steps:
              - id: greet
                kind: activity
                activity: echo
                input: { text: "{{input.text}}" }
            """;
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/definitions/publish");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;

        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "uploaded-flow.yaml", MimeType = "application/yaml", Buffer = System.Text.Encoding.UTF8.GetBytes(yaml) });
        await Expect(page.GetByLabel("Format")).ToHaveValueAsync("yaml");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "uploaded-flow v1" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("uploaded-flow v1");
        await Expect(page.Locator(".graph [data-step='greet']")).ToContainTextAsync("activity echo");
        using var published = await host.Client.GetAsync("/api/definitions/uploaded-flow");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    [BrowserFact]
    public async Task AuditPage_TamperedEntry_ShowsBrokenChain()
    {
        await host.PublishAsync(TestDefinitions.Echo);
        await host.StartAsync("echo-flow", "echo-tamper", new { text = "ledger" });
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        await browser.GoToAsync("#/instances/echo-tamper");
        await browser.EnterKeyAsync(DashboardHost.Key);
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Completed");
        await Expect(page.Locator(".verified.ok")).ToBeVisibleAsync();

        // Someone with access to the store rewrites what one step did.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "tables.db")}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE entities SET props = replace(props, 'StepCompleted', 'StepSkipped')
                WHERE pk = 'echo-tamper' AND rk = (SELECT min(rk) FROM entities WHERE pk = 'echo-tamper' AND props LIKE '%StepCompleted%')
                """;
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        await browser.GoToAsync("#/audit/echo-tamper");
        await Expect(page.Locator(".verified.broken")).ToContainTextAsync("Hash chain broken");
        await Expect(page.Locator(".verified.broken li")).ToContainTextAsync("Edited: Row");
        await Expect(page.Locator(".audit-trail tr.broken")).ToContainTextAsync("StepSkipped");
        await browser.ScreenshotAsync("audit-broken");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
    }
}
