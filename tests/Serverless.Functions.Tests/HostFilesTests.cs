using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Api.Routing;
using Serverless.Functions.Tests.Guards;
using Serverless.Functions.Tests.Infrastructure;

namespace Serverless.Functions.Tests;

/// <summary>host.json and local.settings.json.example fit the Functions host (AZURE_API.md §7) and name only settings infra provides.</summary>
public sealed partial class HostFilesTests
{
    private static readonly JsonNode HostJson = Read("host.json");
    private static readonly JsonNode LocalSettingsExample = Read("local.settings.json.example");

    [Fact]
    public void HostJson_DurableTask_SitsUnderTopLevelExtensions()
    {
        Assert.Equal("2.0", (string?)HostJson["version"]);
        Assert.NotNull(HostJson["extensions"]?["durableTask"]);
        Assert.Null(HostJson["logging"]?["extensions"]);
    }

    [Fact]
    public void HostJson_DurableTask_HasHubFromAppSettingAndConcurrencyLimits()
    {
        var durable = HostJson["extensions"]!["durableTask"]!;

        Assert.Matches(AppSettingReference(), (string?)durable["hubName"] ?? string.Empty);
        Assert.Equal("AzureWebJobsStorage", (string?)durable["storageProvider"]?["connectionStringName"]);
        Assert.True((int?)durable["maxConcurrentActivityFunctions"] > 0);
        Assert.True((int?)durable["maxConcurrentOrchestratorFunctions"] > 0);
    }

    [Fact]
    public async Task HubSetting_IsProvidedByInfraScriptAndExample()
    {
        var setting = AppSettingReference().Match((string)HostJson["extensions"]!["durableTask"]!["hubName"]!).Groups[1].Value;
        var template = (await BicepCli.CompileMainAsync()).ToJsonString();
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "scripts", "write-local-settings.sh"));

        Assert.Contains($"\"{setting}\"", template, StringComparison.Ordinal);
        Assert.Contains($"\"{setting}\":", script, StringComparison.Ordinal);
        Assert.NotNull(LocalSettingsExample["Values"]?[setting]);
    }

    [Fact]
    public void LocalSettingsExample_NamesIsolatedWorkerAndEveryTimerCron()
    {
        var values = LocalSettingsExample["Values"]!;

        Assert.Equal(false, (bool?)LocalSettingsExample["IsEncrypted"]);
        Assert.Equal("dotnet-isolated", (string?)values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.All(TimerSchedules.All, timer => Assert.Equal(timer.DefaultCron, (string?)values[timer.CronSetting]));
    }

    [Fact]
    public void LocalSettingsExample_TaskHubName_KeepsTheDefaultHub()
    {
        // A copied example must not move the local host to another hub, where earlier instances seem to vanish.
        Assert.Equal(new Serverless.Api.ApiOptions().HubName, (string?)LocalSettingsExample["Values"]!["TaskHubName"]);
    }

    [Fact]
    public void GitIgnore_KeepsLocalSettingsOutOfTheRepository()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".gitignore"));

        Assert.Contains("local.settings.json", lines);
    }

    [GeneratedRegex("^%([A-Za-z_][A-Za-z0-9_]*)%$")]
    private static partial Regex AppSettingReference();

    private static JsonNode Read(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
}
