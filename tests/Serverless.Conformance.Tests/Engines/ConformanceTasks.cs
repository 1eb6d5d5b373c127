using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Activities;
using Serverless.Activities.General;
using Serverless.Conformance.Tests.Orchestrators;
using Serverless.Orchestrations;
using Serverless.Orchestrations.Workflows;
using Serverless.Runtime.Registration;
using Serverless.Secrets;
using Serverless.Storage;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>
/// What every engine registers and runs with: the product's orchestrators and activities (the catalogs both hosts
/// register), the scenario orchestrators and activities, and the activities' services. Each activity is wrapped
/// by <see cref="RecordingActivity"/> so the order of calls is seen the same way on every engine.
/// </summary>
internal static class ConformanceTasks
{
    /// <summary>The one secret every engine's activities can resolve (<c>{{secrets.CONFORMANCE_TOKEN}}</c>).</summary>
    public const string SecretName = "CONFORMANCE_TOKEN";

    /// <summary>Its value.</summary>
    public const string SecretValue = "conformance-secret-7e1f0a";

    /// <summary>The interpreter with short compensation retries, as the workflow tests run it.</summary>
    private static readonly WorkflowInterpreterOptions s_interpreter = new() { CompensationRetry = new RetryPolicy(2, TimeSpan.FromMilliseconds(10)) };

    private static readonly (string Name, Type Type)[] s_scenarioOrchestrators =
    [
        (TimerScenario.Name, typeof(TimerScenario)),
        (EventScenario.Name, typeof(EventScenario)),
        (ParentScenario.Name, typeof(ParentScenario)),
        (ChildScenario.Name, typeof(ChildScenario)),
        (ContinueAsNewScenario.Name, typeof(ContinueAsNewScenario)),
        (RetryScenario.Name, typeof(RetryScenario)),
        (FailureScenario.Name, typeof(FailureScenario)),
        (LifecycleScenario.Name, typeof(LifecycleScenario)),
        (DeterminismScenario.Name, typeof(DeterminismScenario)),
        (NonDeterminismScenario.Name, typeof(NonDeterminismScenario)),
    ];

    private static readonly (string Name, Type Type)[] s_scenarioActivities =
    [
        (Mark.Name, typeof(Mark)),
        (Flaky.Name, typeof(Flaky)),
        (FailWithInner.Name, typeof(FailWithInner)),
    ];

    /// <summary>Every orchestrator by name, with a factory for a fresh instance.</summary>
    public static IEnumerable<(string Name, Func<ITaskOrchestrator> Create)> Orchestrators() =>
        OrchestratorCatalog.All
            .Select(o => (o.Name, o.Name == WorkflowRunInput.OrchestratorName
                ? () => new WorkflowOrchestrator(s_interpreter)
                : Factory(o.OrchestratorType)))
            .Concat(s_scenarioOrchestrators.Select(o => (o.Name, Factory(o.Type))));

    /// <summary>Every activity by name, with how to create it for a call (the catalog's own way, as the hosts do).</summary>
    public static IEnumerable<(string Name, Func<IServiceProvider, ITaskActivity> Create)> Activities() =>
        ActivityCatalog.All.Select(a => (a.Name, (Func<IServiceProvider, ITaskActivity>)a.Create))
            .Concat(s_scenarioActivities.Select(a => (a.Name, ActivityFactory(a.Type))));

    /// <summary>The registry our runtime runs.</summary>
    public static TaskRegistry ForOurRuntime()
    {
        var registry = new TaskRegistry();
        foreach (var (name, create) in Orchestrators())
        {
            registry.AddOrchestrator(name, _ => create());
        }

        foreach (var (name, create) in Activities())
        {
            registry.AddActivity(name, sp => Recorded(sp, name, create));
        }

        return registry;
    }

    /// <summary>Registers the same set with the Durable Task SDK worker.</summary>
    public static void AddTo(DurableTaskRegistry registry)
    {
        foreach (var (name, create) in Orchestrators())
        {
            registry.AddOrchestrator(name, create);
        }

        foreach (var (name, create) in Activities())
        {
            registry.AddActivity(name, sp => Recorded(sp, name, create));
        }
    }

    /// <summary>The activities' services: SQLite table store in <paramref name="folder"/>, the call log, the scripted outside world.</summary>
    public static IServiceCollection AddActivityServices(this IServiceCollection services, string folder)
    {
        Directory.CreateDirectory(folder);
        services.AddSingleton<ITableStore>(new SqliteTableStore(Path.Combine(folder, "tables.db"), TimeProvider.System));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CallLog>();
        services.AddSingleton<ScriptedWorld>();
        services.AddSingleton<ISecretSource>(new ConfigurationSecretSource(new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>($"{ConfigurationSecretSource.Section}:{SecretName}", SecretValue)])
            .Build()));
        services.AddServerlessActivities();

        // External HTTP endpoints are the one boundary faked: the sample workflows' http steps reach a scripted world.
        services.AddHttpClient(HttpActivityOptions.ClientName).ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<ScriptedWorld>());
        return services;
    }

    /// <summary>Creates the audit trail's tables, as both hosts do at start-up before any engine runs.</summary>
    public static Task EnsureProductTablesAsync(IServiceProvider services) =>
        services.GetRequiredService<Serverless.Audit.AuditTrail>().EnsureCreatedAsync();

    private static Func<ITaskOrchestrator> Factory(Type type) => () => (ITaskOrchestrator)Activator.CreateInstance(type)!;

    private static Func<IServiceProvider, ITaskActivity> ActivityFactory(Type activityType) =>
        services => (ITaskActivity)ActivatorUtilities.CreateInstance(services, activityType);

    private static RecordingActivity Recorded(IServiceProvider services, string name, Func<IServiceProvider, ITaskActivity> create) =>
        new(name, create(services), services.GetRequiredService<CallLog>());
}
