using System.Text.Json.Nodes;
using Serverless.Functions.Tests.Guards;
using Serverless.Functions.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Functions.Tests;

/// <summary>scripts/write-local-settings.sh turns azd's recorded values into local.settings.json.</summary>
public sealed class LocalSettingsScriptTests : IDisposable
{
    private readonly TempFolder _folder = new("local-settings");

    public LocalSettingsScriptTests() => Directory.CreateDirectory(_folder.Path);

    [Fact]
    public async Task Run_Cloud_WritesIdentityStorageAndProvisionedValues()
    {
        await WriteValuesAsync("""
            AZURE_STORAGE_ACCOUNT_NAME="stabc123"
            TASKHUB_NAME="orders"
            SCHEDULE_TICK_CRON="0 * * * * *"
            APPLICATIONINSIGHTS_CONNECTION_STRING="InstrumentationKey=k;IngestionEndpoint=https://x/"
            """);

        var run = await RunAsync("--cloud");

        Assert.Equal(0, run.ExitCode);
        var values = (await ReadSettingsAsync())["Values"]!;
        Assert.Equal("stabc123", (string?)values["AzureWebJobsStorage__accountName"]);
        Assert.Null(values["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", (string?)values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("orders", (string?)values["TaskHubName"]);
        Assert.Equal("0 * * * * *", (string?)values["ScheduleTickCron"]);
        Assert.Equal("0 0 * * * *", (string?)values["RetentionSweepCron"]);
        Assert.Equal("InstrumentationKey=k;IngestionEndpoint=https://x/", (string?)values["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Fact]
    public async Task Run_Default_UsesAzurite()
    {
        await WriteValuesAsync("TASKHUB_NAME=\"orders\"");

        var run = await RunAsync();

        Assert.Equal(0, run.ExitCode);
        var values = (await ReadSettingsAsync())["Values"]!;
        Assert.Equal("UseDevelopmentStorage=true", (string?)values["AzureWebJobsStorage"]);
        Assert.Equal("*/5 * * * * *", (string?)values["ScheduleTickCron"]);
        Assert.Equal("30.00:00:00", (string?)values["DefaultRetention"]);
        Assert.Equal("365.00:00:00", (string?)values["AuditRetention"]);
    }

    [Fact]
    public async Task Run_ExistingFile_KeepsItUnlessForced()
    {
        await WriteValuesAsync("TASKHUB_NAME=\"orders\"");
        await File.WriteAllTextAsync(_folder.File("local.settings.json"), "{ \"mine\": true }");

        var kept = await RunAsync();
        var keptText = await File.ReadAllTextAsync(_folder.File("local.settings.json"));
        var forced = await RunAsync("--force");

        Assert.Equal(0, kept.ExitCode);
        Assert.Equal("{ \"mine\": true }", keptText);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("orders", (string?)(await ReadSettingsAsync())["Values"]!["TaskHubName"]);
    }

    [Fact]
    public async Task Run_CloudWithoutProvisionedAccount_FailsAndWritesNothing()
    {
        await WriteValuesAsync("TASKHUB_NAME=\"orders\"");

        var run = await RunAsync("--cloud");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("local.settings.json")));
    }

    public void Dispose() => _folder.Dispose();

    private Task WriteValuesAsync(string lines) => File.WriteAllTextAsync(_folder.File("values.env"), lines + "\n");

    private Task<ProcessRun> RunAsync(params string[] arguments) => ProcessRun.RunAsync(
        "sh",
        [Path.Combine(RepositoryRoot.Path, "scripts", "write-local-settings.sh"), .. arguments],
        _folder.Path,
        new Dictionary<string, string?> { ["AZD_ENV_VALUES"] = _folder.File("values.env"), ["LOCAL_SETTINGS_PATH"] = _folder.File("local.settings.json") });

    private async Task<JsonNode> ReadSettingsAsync() => JsonNode.Parse(await File.ReadAllTextAsync(_folder.File("local.settings.json")))!;
}
