using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime;
using Serverless.Tests.Infrastructure;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>Our embedded runtime on SQLite files in a temp folder, with the host's wiring.</summary>
public sealed class RuntimeEngine : IConformanceEngine
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _services;

    private RuntimeEngine(TempFolder folder, ServiceProvider services, DurableRuntime runtime)
    {
        _folder = folder;
        _services = services;
        Runtime = runtime;
    }

    /// <summary>The runtime itself.</summary>
    public DurableRuntime Runtime { get; }

    /// <inheritdoc />
    public EngineKind Kind => EngineKind.OurRuntime;

    /// <inheritdoc />
    public DurableTaskClient Client => Runtime.Client;

    /// <inheritdoc />
    public IServiceProvider Services => _services;

    /// <summary>Starts the runtime with every conformance orchestrator and activity.</summary>
    public static async Task<RuntimeEngine> StartAsync()
    {
        var folder = new TempFolder("conformance-runtime");
        var services = new ServiceCollection().AddActivityServices(folder.File("activities")).BuildServiceProvider();
        await ConformanceTasks.EnsureProductTablesAsync(services);
        var runtime = await DurableRuntime.StartAsync(
            new DurableRuntimeOptions
            {
                DataDirectory = folder.File("runtime"),
                MaxConcurrentActivityFunctions = 16,
                MaxConcurrentOrchestratorFunctions = 8,
                LeaseDuration = TimeSpan.FromSeconds(5),
                PollInterval = TimeSpan.FromMilliseconds(100),

                // Replay every episode from history, as Microsoft's engine does without extended sessions, so the
                // scenarios exercise replay (and non-determinism detection) on our runtime too.
                InstanceCacheSize = 0,
            },
            ConformanceTasks.ForOurRuntime(),
            services);
        return new RuntimeEngine(folder, services, runtime);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _services.DisposeAsync();
        _folder.Dispose();
    }
}
