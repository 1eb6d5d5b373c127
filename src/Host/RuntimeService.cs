using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Api;
using Serverless.Orchestrations;
using Serverless.Runtime;
using Serverless.Runtime.Registration;

namespace Serverless.Host;

/// <summary>
/// Runs the embedded durable runtime for the host's lifetime: creates the product tables, starts the runtime with
/// every orchestrator and activity of the product (options from host.json), and stops it gracefully.
/// </summary>
/// <param name="services">The app's services (activities resolve from them).</param>
/// <param name="options">The runtime options.</param>
/// <param name="registry">The orchestrators and activities.</param>
public sealed class RuntimeService(IServiceProvider services, DurableRuntimeOptions options, TaskRegistry registry) : IHostedService, IAsyncDisposable
{
    private DurableRuntime? _runtime;

    /// <summary>The running runtime.</summary>
    /// <exception cref="InvalidOperationException">The host has not started yet.</exception>
    public DurableRuntime Runtime => _runtime ?? throw new InvalidOperationException("The durable runtime has not started yet.");

    /// <summary>The Durable client of the running runtime.</summary>
    public DurableTaskClient Client => Runtime.Client;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ProductTableSetup.EnsureCreatedAsync(services, cancellationToken);
        _runtime = await DurableRuntime.StartAsync(options, registry, services, cancellationToken);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_runtime is { } runtime)
        {
            await runtime.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_runtime is { } runtime)
        {
            await runtime.DisposeAsync();
        }
    }

    /// <summary>Every orchestrator of the product, created through dependency injection.</summary>
    /// <returns>The registry (activities are added by the caller).</returns>
    public static TaskRegistry OrchestratorRegistry()
    {
        var registry = new TaskRegistry();
        foreach (var descriptor in OrchestratorCatalog.All)
        {
            registry.AddOrchestrator(descriptor.Name, sp => (ITaskOrchestrator)ActivatorUtilities.GetServiceOrCreateInstance(sp, descriptor.OrchestratorType));
        }

        return registry;
    }
}
