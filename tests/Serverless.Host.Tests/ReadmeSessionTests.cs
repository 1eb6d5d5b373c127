using System.Text.RegularExpressions;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>
/// Runs the README's curl session as a user pastes it: the whole block at once, into a shell, on a host that has
/// just started, with nothing re-run. Ten fresh hosts in a row, every one must pass.
/// </summary>
public sealed partial class ReadmeSessionTests
{
    private const int Runs = 10;

    [Fact]
    public async Task ReadmeSession_PastedAsOneBlockOnAFreshHost_SucceedsTenTimesInARow()
    {
        var lines = SessionLines(await File.ReadAllTextAsync(RepositoryFolder.File("README.md")));
        Assert.True(lines.Count >= 9, "The README session block was not found.");
        for (var run = 1; run <= Runs; run++)
        {
            using var data = new TempFolder("readme");
            const string key = "readme-test-key-0123456789";
            await using var host = await HostProcess.StartAsync(data.Path, key);
            await File.WriteAllTextAsync(Path.Combine(data.Path, "admin.key"), key);

            var (exitCode, output, error) = await PastedSession.RunAsync(lines, host.BaseAddress, data.Path);

            Assert.True(exitCode == 0, $"Run {run}: the pasted session failed (exit {exitCode}).\n{error}\n{output}");
            Assert.Contains("\"id\":\"expense-1\"", output, StringComparison.Ordinal);
            Assert.Contains("\"approver\":\"manager.alice\"", output, StringComparison.Ordinal);
            Assert.Contains("\"approver\":\"manager.bob\"", output, StringComparison.Ordinal);
            Assert.Contains("\"intact\":true", output, StringComparison.Ordinal);
            await AssertApprovedByBothAsync(host.BaseAddress, key);
        }
    }

    // The session's last reads may come while the instance still works through the second decision; a moment
    // later it has completed, approved, with both decisions in its trail.
    private static async Task AssertApprovedByBothAsync(Uri baseAddress, string key)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("x-functions-key", key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while ((await http.GetAsync("/runtime/webhooks/durabletask/instances/expense-1", timeout.Token)).StatusCode != System.Net.HttpStatusCode.OK)
        {
            await every.WaitForNextTickAsync(timeout.Token);
        }

        var trail = await http.GetStringAsync("/api/instances/expense-1/audit", timeout.Token);
        var decided = System.Text.Json.Nodes.JsonNode.Parse(trail)!["entries"]!.AsArray()
            .Where(e => (string?)e!["eventType"] == "ApprovalDecided")
            .Select(e => (string?)e!["details"]!["approver"])
            .Order()
            .ToList();
        Assert.Equal(["manager.alice", "manager.bob"], decided);
    }

    private static List<string> SessionLines(string readme)
    {
        var block = SessionBlock().Match(readme);
        return block.Success
            ? block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];
    }

    [GeneratedRegex(@"<!-- readme-session:start -->\s*```bash\n(.*?)```\s*<!-- readme-session:end -->", RegexOptions.Singleline)]
    private static partial Regex SessionBlock();

}
