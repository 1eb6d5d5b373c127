using Serverless.Host.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>The banner the built host prints names where the product tables live, and never a key.</summary>
public sealed class StartupBannerTests
{
    [Fact]
    public async Task Banner_NoStorageSetting_NamesTheSqliteFile()
    {
        using var data = new TempFolder("banner");
        await using var host = await HostProcess.StartAsync(data.Path, "banner-test-key-0123456789");

        var line = await host.WaitForLineAsync(l => l.Contains("product tables:", StringComparison.Ordinal));

        Assert.Contains("SQLite (" + Path.Combine(data.Path, "tables.db") + ")", line, StringComparison.Ordinal);
    }

    [AzuriteFact]
    public async Task Banner_AzuriteOnAnyPort_NamesTheTableEndpointAndNeverTheKey()
    {
        AzuriteEnvironment.EnsureReachable();
        using var data = new TempFolder("banner");
        await using var host = await HostProcess.StartAsync(data.Path, "banner-test-key-0123456789", "--AzureWebJobsStorage", AzuriteEnvironment.ConnectionString);

        var line = await host.WaitForLineAsync(l => l.Contains("product tables:", StringComparison.Ordinal));

        Assert.Contains($"Azure Tables at {AzuriteEnvironment.Endpoint} (account key)", line, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Output, l => l.Contains(AzuriteEnvironment.AccountKey, StringComparison.Ordinal));
    }
}
