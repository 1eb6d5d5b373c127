using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Activities;
using Serverless.Api;
using Serverless.Orchestrations;
using Serverless.Runtime;

namespace Serverless.Host.Durable;

/// <summary>
/// Runs the host's orchestrations on Microsoft's engine: DurableTask.AzureStorage's orchestration service on the
/// <c>AzureWebJobsStorage</c> account (instances and history tables, control and work-item queues, lease blobs, as
/// the Durable extension writes them), served by the Durable Task SDK's gRPC sidecar on a free loopback port, with
/// the SDK's gRPC worker running every catalog orchestrator and activity on the host's services and the SDK's gRPC
/// client behind the HTTP handlers.
/// </summary>
/// <param name="services">The host's services (activities and orchestrators resolve from them).</param>
/// <param name="settings">The host settings (the storage connection string).</param>
/// <param name="options">The runtime options from host.json (hub name, concurrency).</param>
/// <param name="loggerFactory">The host's logging.</param>
public sealed class AzureStorageEngine(IServiceProvider services, HostSettings settings, DurableRuntimeOptions options, ILoggerFactory loggerFactory)
    : IHostedService, IAsyncDisposable
{
    private AzureStorageOrchestrationService? _service;
    private Sidecar? _sidecar;
    private IHost? _worker;

    /// <summary>The SDK's gRPC client of the running engine.</summary>
    /// <exception cref="InvalidOperationException">The host has not started yet.</exception>
    public DurableTaskClient Client => _worker?.Services.GetRequiredService<DurableTaskClient>()
        ?? throw new InvalidOperationException("The AzureStorage engine has not started yet.");

    /// <summary>
    /// Settings for a short-lived task hub of its own on Azurite (the conformance tests and the benchmark): two
    /// partitions, <see cref="SidecarWorker.TestConcurrency"/> work items of each kind, and idle queues polled every
    /// 100 ms instead of backing off to 30 s.
    /// </summary>
    /// <param name="taskHubName">Letters and digits, starting with a letter.</param>
    /// <param name="connectionString">The storage account.</param>
    /// <param name="loggerFactory">Where the provider logs.</param>
    /// <returns>The settings.</returns>
    public static AzureStorageOrchestrationServiceSettings ScratchHubSettings(string taskHubName, string connectionString, ILoggerFactory loggerFactory) => new()
    {
        TaskHubName = taskHubName,
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        PartitionCount = 2,
        MaxConcurrentTaskOrchestrationWorkItems = SidecarWorker.TestConcurrency,
        MaxConcurrentTaskActivityWorkItems = SidecarWorker.TestConcurrency,
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
        LoggerFactory = loggerFactory,
    };

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ProductTableSetup.EnsureCreatedAsync(services, cancellationToken);
        _service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(
                settings.StorageConnectionString ?? throw new InvalidOperationException("DurableEngine=AzureStorage needs the AzureWebJobsStorage setting.")),
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivityFunctions,
            LoggerFactory = loggerFactory,
        });
        await _service.CreateIfNotExistsAsync();
        _sidecar = await Sidecar.StartAsync(
            new SidecarOrchestrationService(_service, options.MaxConcurrentOrchestratorFunctions, options.MaxConcurrentActivityFunctions), _service);

        var builder = SidecarWorker.CreateBuilder(_sidecar.Channel, AddCatalog);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        _worker = builder.Build();
        await _worker.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _worker, null) is { } worker)
        {
            await worker.StopAsync();
            worker.Dispose();
        }

        if (Interlocked.Exchange(ref _sidecar, null) is { } sidecar)
        {
            await sidecar.DisposeAsync();
        }

        if (Interlocked.Exchange(ref _service, null) is { } service)
        {
            await service.StopAsync();
        }
    }

    // Orchestrators and activities come from the host's services, as the Functions app's bindings create them.
    private void AddCatalog(DurableTaskRegistry registry)
    {
        foreach (var orchestrator in OrchestratorCatalog.All)
        {
            registry.AddOrchestrator(orchestrator.Name, () => (ITaskOrchestrator)ActivatorUtilities.GetServiceOrCreateInstance(services, orchestrator.OrchestratorType));
        }

        foreach (var activity in ActivityCatalog.All)
        {
            registry.AddActivity(activity.Name, _ => activity.Create(services));
        }
    }
}
