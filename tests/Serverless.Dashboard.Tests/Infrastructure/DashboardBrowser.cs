using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Serverless.Tests.Infrastructure;

namespace Serverless.Dashboard.Tests.Infrastructure;

/// <summary>
/// One Chromium with a fresh user-data folder, one page on the dashboard of a running host. Records every request
/// URL the page makes (so tests can check the key never appears in one) and saves screenshots to the test output.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly TempFolder _profile = new("chromium");
    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    private DashboardBrowser(Uri host)
    {
        Host = host;
    }

    public Uri Host { get; }

    public IPage Page { get; private set; } = null!;

    /// <summary>Every URL the page requested, in order.</summary>
    public List<string> RequestedUrls { get; } = [];

    /// <summary>Every x-functions-key header value the page sent (so a test can see the key went as a header).</summary>
    public List<string> SentKeys { get; } = [];

    /// <summary>Every x-ms-client-principal-name header value on the page's requests.</summary>
    public List<string> SentPrincipals { get; } = [];

    /// <summary>Where screenshots go: <c>screenshots/</c> in the test output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Starts the browser. <paramref name="principal"/> plays App Service authentication: the header it sets on every
    /// request after signing the user in (the page itself never sends one).
    /// </summary>
    public static async Task<DashboardBrowser> OpenAsync(Uri host, string? principal = null)
    {
        var browser = new DashboardBrowser(host);
        Directory.CreateDirectory(browser._profile.Path);
        browser._playwright = await Playwright.CreateAsync();
        var headers = principal is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["x-ms-client-principal-name"] = principal };
        browser._context = await browser._playwright.Chromium.LaunchPersistentContextAsync(browser._profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = [.. Chromium.Arguments],
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            ExtraHTTPHeaders = headers,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        browser._context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        browser.Page = browser._context.Pages.Count > 0 ? browser._context.Pages[0] : await browser._context.NewPageAsync();
        browser.Page.Request += (_, request) =>
        {
            browser.RequestedUrls.Add(request.Url);
            if (request.Headers.TryGetValue("x-functions-key", out var key))
            {
                browser.SentKeys.Add(key);
            }

            if (request.Headers.TryGetValue("x-ms-client-principal-name", out var principal))
            {
                browser.SentPrincipals.Add(principal);
            }
        };
        return browser;
    }

    /// <summary>Opens a dashboard page (a hash route such as <c>#/instances</c>).</summary>
    public async Task GoToAsync(string route = "")
    {
        await Page.GotoAsync(new Uri(Host, $"/dashboard/{route}").ToString());
    }

    /// <summary>Enters the key once, in the header field.</summary>
    public async Task EnterKeyAsync(string key)
    {
        await Page.GetByLabel("Key", new() { Exact = true }).FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Forget key" })).ToBeVisibleAsync();
    }

    /// <summary>Saves a screenshot of the viewport under <see cref="ScreenshotFolder"/>.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = false)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>Saves a screenshot of one element (a section of a page).</summary>
    public async Task<string> ScreenshotAsync(string name, ILocator element)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>Runs axe on the page; answers the serious and critical violations, one line each.</summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync()
    {
        AxeResult result = await Page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        _playwright?.Dispose();
        _profile.Dispose();
    }
}
