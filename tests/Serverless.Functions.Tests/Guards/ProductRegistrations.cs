using Serverless.Activities;
using Serverless.Api.Routing;
using Serverless.Orchestrations;

namespace Serverless.Functions.Tests.Guards;

/// <summary>An orchestrator or activity as registered: its name and the class that implements it.</summary>
/// <param name="Name">The registered name.</param>
/// <param name="Implementation">The implementing class.</param>
internal sealed record RegisteredTask(string Name, Type Implementation)
{
    /// <summary>The class's name as C# writes it (nested types with dots).</summary>
    public string ImplementationName => Implementation.FullName!.Replace('+', '.');
}

/// <summary>Everything the Functions app must bind, read from the registries both hosts share.</summary>
/// <param name="Orchestrators">From <see cref="OrchestratorCatalog.All"/>.</param>
/// <param name="Activities">From <see cref="ActivityCatalog.All"/>.</param>
/// <param name="Routes">From <see cref="ApiRoutes.All"/> (the Durable built-in routes are the Functions host's own).</param>
/// <param name="Timers">From <see cref="TimerSchedules.All"/>.</param>
internal sealed record ProductRegistrations(
    IReadOnlyList<RegisteredTask> Orchestrators,
    IReadOnlyList<RegisteredTask> Activities,
    IReadOnlyList<ApiRoute> Routes,
    IReadOnlyList<TimerSchedule> Timers)
{
    /// <summary>The product's registries as they are.</summary>
    public static ProductRegistrations Current { get; } = new(
        [.. OrchestratorCatalog.All.Select(o => new RegisteredTask(o.Name, o.OrchestratorType))],
        [.. ActivityCatalog.All.Select(a => new RegisteredTask(a.Name, a.ActivityType))],
        ApiRoutes.All,
        TimerSchedules.All);
}
