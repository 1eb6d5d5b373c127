using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>
/// Runs docs/triggers.md's curl and openssl session as a user pastes it, on the built host started as the page says
/// (the trigger's secret in <c>Secrets__SHOP_WEBHOOK_SECRET</c>), from the repository root.
/// </summary>
public sealed partial class TriggerDocsSessionTests
{
    [Fact]
    public async Task TriggersDocSession_PastedOnAFreshHost_StartsTheSagaOnceAndRefusesTheBadSignature()
    {
        var page = await File.ReadAllTextAsync(RepositoryFolder.File("docs", "triggers.md"));
        var secret = SecretExport().Match(page).Groups[1].Value;
        var lines = SessionBlock().Match(page).Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.False(string.IsNullOrEmpty(secret), "The export of Secrets__SHOP_WEBHOOK_SECRET was not found.");
        Assert.True(lines.Length >= 8, "The triggers session block was not found.");
        using var data = new TempFolder("triggers-doc");
        const string key = "triggers-doc-key-0123456789";
        await using var host = await HostProcess.StartAsync(data.Path, key, "--Secrets:SHOP_WEBHOOK_SECRET", secret);
        await File.WriteAllTextAsync(Path.Combine(data.Path, "admin.key"), key);

        var (exitCode, output, error) = await PastedSession.RunAsync(lines, host.BaseAddress, data.Path);

        Assert.True(exitCode == 0, $"The pasted session failed (exit {exitCode}).\n{error}\n{output}");
        Assert.Contains("\"outcome\":\"started\"", output, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"alreadyStarted\"", output, StringComparison.Ordinal);
        Assert.Contains("\"instanceId\":\"order-1042\"", output, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"malformedSignature\"", output, StringComparison.Ordinal);
        Assert.Contains("\"eventType\":\"TriggerFired\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Add("x-functions-key", key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        JsonNode status;
        while ((string?)(status = JsonNode.Parse(await http.GetStringAsync("/runtime/webhooks/durabletask/instances/order-1042", timeout.Token))!)["runtimeStatus"] is "Pending" or "Running")
        {
            await every.WaitForNextTickAsync(timeout.Token);
        }

        Assert.Equal("Completed", (string?)status["runtimeStatus"]);
    }

    [GeneratedRegex(@"<!-- triggers-session:start -->\s*```bash\n(.*?)```\s*<!-- triggers-session:end -->", RegexOptions.Singleline)]
    private static partial Regex SessionBlock();

    [GeneratedRegex(@"export Secrets__SHOP_WEBHOOK_SECRET='([^']+)'")]
    private static partial Regex SecretExport();
}
