using System.Text.Json.Nodes;
using Serverless.Api.Routing;
using Serverless.Functions.Tests.Guards;
using Serverless.Functions.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Functions.Tests;

/// <summary>infra/ compiles with the Bicep linter clean and provisions what the Functions app reads.</summary>
public sealed class InfraTests
{
    private static readonly Lazy<Task<JsonNode>> Template = new(BicepCli.CompileMainAsync);

    [Fact]
    public async Task Build_MainTemplate_HasNoDiagnostics()
    {
        var run = await BicepCli.BuildMainAsync();

        Assert.True(run.ExitCode == 0 && run.Error.Length == 0, $"exit {run.ExitCode}: {run.Error}");
    }

    [Fact]
    public async Task Build_TemplateWithUnusedParameter_FailsTheLinter()
    {
        using var folder = new TempFolder("bicep");
        CopyFolder(BicepCli.InfraFolder, folder.Path);
        await File.AppendAllTextAsync(folder.File("main.bicep"), "\nparam forgotten string = 'x'\n");

        var run = await ProcessRun.RunAsync(BicepCli.Path, ["build", "main.bicep", "--stdout"], folder.Path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no-unused-params", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compiled_FunctionAppSettings_NameEveryTimerCronAndTheHub()
    {
        var settings = Module(await Template.Value, "function-app")["properties"]!["parameters"]!["appSettings"]!["value"]!.AsObject();

        foreach (var timer in TimerSchedules.All)
        {
            Assert.True(settings.ContainsKey(timer.CronSetting), $"infra sets no {timer.CronSetting}: the Functions host cannot resolve %{timer.CronSetting}% of {timer.FunctionName}.");
        }

        Assert.True(settings.ContainsKey("TaskHubName"));
        Assert.True(settings.ContainsKey("DefaultRetention"));
        Assert.True(settings.ContainsKey("AuditRetention"));
    }

    [Fact]
    public async Task Compiled_FunctionApp_IsFlexConsumptionDotnetIsolatedWithIdentityStorage()
    {
        var text = (await Template.Value).ToJsonString();

        Assert.Contains("\"FlexConsumption\"", text, StringComparison.Ordinal);
        Assert.Contains("\"dotnet-isolated\"", text, StringComparison.Ordinal);
        Assert.Contains("\"allowSharedKeyAccess\":false", text, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", text, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compiled_FunctionApp_ResolvesKeyVaultReferencesWithItsUserAssignedIdentity()
    {
        var site = Resources(Module(await Template.Value, "function-app")["properties"]!["template"]!)
            .Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites");

        Assert.Equal(
            "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))]",
            site["properties"]!["keyVaultReferenceIdentity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Compiled_Template_TurnsEasyAuthOnSoApproverHeadersCannotBeSpoofed()
    {
        var auth = Module(await Template.Value, "authentication");

        var settings = Resources(auth["properties"]!["template"]!).Single(r => (string?)r["type"] == "Microsoft.Web/sites/config")["properties"]!;

        Assert.True((bool?)settings["platform"]!["enabled"]);
        Assert.Equal("AllowAnonymous", (string?)settings["globalValidation"]!["unauthenticatedClientAction"]);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb")] // Monitoring Metrics Publisher
    public async Task Compiled_Template_AssignsDataRole(string roleDefinitionId)
    {
        var text = (await Template.Value).ToJsonString();

        Assert.Contains(roleDefinitionId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParametersFile_NamesOnlyTemplateParameters()
    {
        var declared = (await Template.Value)["parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")))!;

        var given = file["parameters"]!.AsObject().Select(p => p.Key).ToList();

        Assert.All(given, name => Assert.Contains(name, declared));
        Assert.Contains("environmentName", given);
        Assert.Contains("location", given);
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProjectAsAFunctionApp()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "azure.yaml"));

        Assert.Contains("project: ./src/Functions", yaml, StringComparison.Ordinal);
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "src", "Functions", "Serverless.Functions.csproj")));
        Assert.Contains("run: ./scripts/write-local-settings.sh", yaml, StringComparison.Ordinal);
    }

    private static JsonObject Module(JsonNode template, string name) =>
        Resources(template).Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name);

    // Bicep emits resources as an array, or as an object keyed by symbolic name (language version 2.0).
    private static IEnumerable<JsonObject> Resources(JsonNode template) => template["resources"] switch
    {
        JsonArray array => array.Select(r => r!.AsObject()),
        JsonObject map => map.Select(r => r.Value!.AsObject()),
        _ => throw new InvalidOperationException("The template has no resources."),
    };

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
