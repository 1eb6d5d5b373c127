namespace Serverless.Dashboard.Tests.Infrastructure;

/// <summary>
/// Debian's chromium, which <c>.ci/run</c> installs. Playwright cannot download its own browsers here, so the tests
/// drive this one; without it they skip, except under <c>CI=true</c>, where they run and therefore fail.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the browser tests should run; otherwise why they are skipped.</summary>
    public static string? SkipReason => File.Exists(ExecutablePath) || IsCi
        ? null
        : $"{ExecutablePath} is missing (apt-get install chromium, or run .ci/run); skipped because CI is not 'true'.";

    /// <summary>The switches the browser starts with: headless, no sandbox (root in CI), nothing that calls home.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];
}

/// <summary>A fact that needs <see cref="Chromium"/>.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Skip = Chromium.SkipReason!;
    }
}
