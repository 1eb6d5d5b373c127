using Serverless.Functions.Tests.Guards;

namespace Serverless.Functions.Tests;

/// <summary>Every registered orchestrator, activity, route and timer has its binding, and every binding its registration.</summary>
public sealed class DriftGuardTests
{
    private static readonly FunctionsSource Source = FunctionsSource.Load();

    [Fact]
    public void Check_CurrentSource_MatchesRegistries()
    {
        var problems = Drift(Source);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Registrations_Current_CoverEveryKind()
    {
        // A guard over empty registries would pass vacuously.
        var registrations = ProductRegistrations.Current;

        Assert.NotEmpty(registrations.Orchestrators);
        Assert.NotEmpty(registrations.Activities);
        Assert.NotEmpty(registrations.Routes);
        Assert.NotEmpty(registrations.Timers);
    }

    [Fact]
    public void Check_OrchestratorBindingRemoved_ReportsMissingBinding()
    {
        var name = ProductRegistrations.Current.Orchestrators[0].Name;
        var edited = Source.With(FileBinding(name), $"[Function(\"{name}\")]", string.Empty);

        var problems = Drift(edited);

        Assert.Equal([$"Registered orchestrator '{name}' has no binding in src/Functions."], problems);
    }

    [Fact]
    public void Check_ActivityNameMisspelt_ReportsBothSides()
    {
        var name = ProductRegistrations.Current.Activities[0].Name;
        var edited = Source.With(FileBinding(name), $"[Function(\"{name}\")]", $"[Function(\"{name}x\")]");

        var problems = Drift(edited);

        Assert.Contains($"Registered activity '{name}' has no binding in src/Functions.", problems);
        Assert.Contains(problems, p => p.StartsWith($"Activity binding '{name}x' ({FileBinding(name)}:", StringComparison.Ordinal) && p.EndsWith("has no registration.", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Check_BindingRunsAnotherClass_ReportsImplementationMismatch()
    {
        var activities = ProductRegistrations.Current.Activities;
        var first = activities[0];
        var file = FileBinding(first.Name);
        var other = activities.First(a => a.Implementation != first.Implementation && FileBinding(a.Name) == file);
        var edited = Source.With(file, $"[Function(\"{other.Name}\")]", "[Function(\"swapped\")]")
            .With(file, $"[Function(\"{first.Name}\")]", $"[Function(\"{other.Name}\")]")
            .With(file, "[Function(\"swapped\")]", $"[Function(\"{first.Name}\")]");

        var problems = Drift(edited);

        Assert.Contains(problems, p => p.StartsWith($"The activity binding '{first.Name}'", StringComparison.Ordinal) && p.EndsWith($"registered as {first.ImplementationName}.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"The activity binding '{other.Name}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RouteBindingRemoved_ReportsMissingBinding()
    {
        var route = ProductRegistrations.Current.Routes[0];
        var edited = Source.With(FileBinding(route.FunctionName), $"[Function(\"{route.FunctionName}\")]", string.Empty);

        var problems = Drift(edited);

        Assert.Equal([$"Registered HTTP route '{route.FunctionName}' has no binding in src/Functions."], problems);
    }

    [Fact]
    public void Check_RouteTemplateChanged_ReportsRouteMismatch()
    {
        var route = ProductRegistrations.Current.Routes.First(r => r.Route.Contains('/', StringComparison.Ordinal));
        var edited = Source.With(FileBinding(route.FunctionName), $"Route = \"{route.Route}\"", $"Route = \"{route.Route}/x\"");

        var problems = Drift(edited);

        var problem = Assert.Single(problems);
        Assert.Contains($"is bound at '{route.Route}/x', registered at '{route.Route}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TimerWithLiteralCron_ReportsScheduleMismatch()
    {
        var timer = ProductRegistrations.Current.Timers[0];
        var edited = Source.With(FileBinding(timer.FunctionName), $"[TimerTrigger(\"%{timer.CronSetting}%\")]", $"[TimerTrigger(\"{timer.DefaultCron}\")]");

        var problems = Drift(edited);

        var problem = Assert.Single(problems);
        Assert.Contains($"expected '%{timer.CronSetting}%'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnregisteredBinding_ReportsIt()
    {
        var edited = Source.WithFile("Bindings/Extra.cs", """
            using Microsoft.Azure.Functions.Worker;

            namespace Serverless.Functions.Bindings;

            /// <summary>A binding nobody registered.</summary>
            public static class Extra
            {
                /// <summary>Not in the catalog.</summary>
                [Function("NotRegistered")]
                public static Task Run([OrchestrationTrigger] Microsoft.DurableTask.TaskOrchestrationContext context) => Task.CompletedTask;
            }
            """);

        var problems = Drift(edited);

        Assert.Equal(["Orchestrator binding 'NotRegistered' (Bindings/Extra.cs:9) has no registration."], problems);
    }

    [Fact]
    public void Handlers_BothHosts_CallTheSameSharedMethodForEveryRouteAndTimer()
    {
        var mismatches = HandlerMismatches(Source);

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void Handlers_BindingCallsAnotherHandler_ReportsMismatch()
    {
        var route = ProductRegistrations.Current.Routes.Single(r => r.FunctionName == "PauseSchedule");
        var edited = Source.With(FileBinding(route.FunctionName), "endpoints.PauseAsync(", "endpoints.ResumeAsync(");

        var mismatches = HandlerMismatches(edited);

        Assert.Equal(["PauseSchedule: the Functions app calls ScheduleEndpoints.ResumeAsync, the local host ScheduleEndpoints.PauseAsync."], mismatches);
    }

    [Fact]
    public void Read_CurrentSource_EveryBindingIsOneExpression()
    {
        // "No logic here": each [Function] method is expression-bodied, handing the call to shared code.
        var bindings = BindingInventory.Read(FunctionsCompilation.Compile(Source));

        Assert.All(bindings, binding => Assert.True(binding.IsOneExpression, $"{binding.Name} ({binding.Where}) has a block body."));
    }

    private static List<string> HandlerMismatches(FunctionsSource source)
    {
        var local = LocalHostHandlers.Read();
        var bindings = BindingInventory.Read(FunctionsCompilation.Compile(source)).ToDictionary(b => b.Name, StringComparer.Ordinal);
        var registrations = ProductRegistrations.Current;
        return [.. registrations.Routes.Select(r => r.FunctionName).Concat(registrations.Timers.Select(t => t.FunctionName))
            .Select(name => (Name: name, Functions: bindings.GetValueOrDefault(name)?.Handler ?? "nothing", Local: local.GetValueOrDefault(name) ?? "nothing"))
            .Where(h => h.Functions != h.Local)
            .Select(h => $"{h.Name}: the Functions app calls {h.Functions}, the local host {h.Local}.")];
    }

    private static IReadOnlyList<string> Drift(FunctionsSource source) =>
        DriftGuard.Check(BindingInventory.Read(FunctionsCompilation.Compile(source)), ProductRegistrations.Current);

    private static string FileBinding(string functionName) =>
        Source.Files.Single(f => f.Value.Contains($"[Function(\"{functionName}\")]", StringComparison.Ordinal)).Key;
}
