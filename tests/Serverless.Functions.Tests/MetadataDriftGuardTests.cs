using System.Text.Json.Nodes;
using Serverless.Functions.Tests.Guards;

namespace Serverless.Functions.Tests;

/// <summary>
/// The functions.metadata the Worker SDK generated for src/Functions names every registered orchestrator, activity,
/// route and timer with its trigger type, route, methods, auth level and cron, and nothing else.
/// </summary>
public sealed class MetadataDriftGuardTests
{
    [Fact]
    public void Check_BuiltMetadata_MatchesRegistries()
    {
        var metadata = FunctionsMetadata.LoadBuilt();

        var problems = Check(metadata);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(Expected(), metadata.Count);
    }

    [Fact]
    public void Check_OrchestratorMissing_ReportsIt()
    {
        var name = ProductRegistrations.Current.Orchestrators[0].Name;
        var metadata = FunctionsMetadata.LoadBuilt();
        metadata.Remove(Function(metadata, name));

        Assert.Equal([$"Registered orchestrator '{name}' has no binding in src/Functions."], Check(metadata));
    }

    [Fact]
    public void Check_ActivityMisspelt_ReportsBothSides()
    {
        var name = ProductRegistrations.Current.Activities[0].Name;
        var metadata = FunctionsMetadata.LoadBuilt();
        Function(metadata, name)["name"] = name + "x";

        var problems = Check(metadata);

        Assert.Contains($"Registered activity '{name}' has no binding in src/Functions.", problems);
        Assert.Contains(problems, p => p.StartsWith($"Activity binding '{name}x' (functions.metadata:", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Check_ExtraFunction_ReportsIt()
    {
        var metadata = FunctionsMetadata.LoadBuilt();
        var extra = Function(metadata, ProductRegistrations.Current.Activities[0].Name).DeepClone();
        extra["name"] = "unregistered";
        metadata.Add(extra);

        Assert.Equal(["Activity binding 'unregistered' (functions.metadata: Serverless.Functions.Bindings.ActivityFunctions.Echo) has no registration."], Check(metadata));
    }

    [Fact]
    public void Check_WrongTriggerType_ReportsKindMismatch()
    {
        var name = ProductRegistrations.Current.Orchestrators[0].Name;
        var metadata = FunctionsMetadata.LoadBuilt();
        Trigger(Function(metadata, name))["type"] = "activityTrigger";

        var problems = Check(metadata);

        Assert.Single(problems);
        Assert.Contains($"'{name}'", problems[0], StringComparison.Ordinal);
        Assert.EndsWith("is bound as Activity, registered as orchestrator.", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RouteMethodsAndAuthLevelChanged_ReportsEach()
    {
        var route = ProductRegistrations.Current.Routes.First(r => r.Authorization.ToString() != "Anonymous" && !r.Methods.Contains("delete", StringComparer.OrdinalIgnoreCase));
        var metadata = FunctionsMetadata.LoadBuilt();
        var trigger = Trigger(Function(metadata, route.FunctionName));
        trigger["route"] = "elsewhere";
        trigger["methods"] = new JsonArray("delete");
        trigger["authLevel"] = "Anonymous";

        var problems = Check(metadata);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("is bound at 'elsewhere'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("accepts DELETE", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("requires Anonymous", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_TimerWithLiteralCron_ReportsScheduleMismatch()
    {
        var timer = ProductRegistrations.Current.Timers[0];
        var metadata = FunctionsMetadata.LoadBuilt();
        Trigger(Function(metadata, timer.FunctionName))["schedule"] = "0 */5 * * * *";

        Assert.Equal(
            [$"Timer '{timer.FunctionName}' (functions.metadata: Serverless.Functions.Bindings.TimerFunctions.{timer.FunctionName}) is scheduled '0 */5 * * * *', expected '%{timer.CronSetting}%' (the app setting both hosts read)."],
            Check(metadata));
    }

    private static IReadOnlyList<string> Check(JsonArray metadata) =>
        DriftGuard.Check(FunctionsMetadata.Read(metadata), ProductRegistrations.Current, checkImplementations: false);

    private static int Expected()
    {
        var registrations = ProductRegistrations.Current;
        return registrations.Orchestrators.Count + registrations.Activities.Count + registrations.Routes.Count + registrations.Timers.Count;
    }

    private static JsonObject Function(JsonArray metadata, string name) =>
        metadata.Single(f => (string?)f!["name"] == name)!.AsObject();

    private static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().First(b => ((string)b!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!.AsObject();
}
