using System.Runtime.CompilerServices;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Bench.Workloads;
using Serverless.Host.Durable;

namespace Serverless.Bench.Compare;

/// <summary>
/// One of Microsoft's engines as the conformance tests start it (<see cref="Sidecar"/>, <see cref="SidecarWorker"/>,
/// <see cref="SidecarOrchestrationService"/>), running the bench orchestrators; fresh for every run. On AzureStorage the
/// run gets a task hub of its own, deleted afterwards.
/// </summary>
internal sealed class SidecarBenchEngine : IAsyncDisposable
{
    /// <summary>
    /// Work items of each kind the sidecar dispatches at once. When every slot is taken its dispatcher waits 500 ms
    /// before looking again, so a limit below the workload's parallelism (fanout's 1,000 activities, hello's 300
    /// instances) turns into 500 ms stalls, not into back-pressure: with the tests' 100, fanout 1,000 took 4.9 s.
    /// </summary>
    public const int Concurrency = 10_000;

    private readonly Sidecar _sidecar;
    private readonly IHost _worker;
    private readonly AzureStorageOrchestrationService? _azureStorage;
    private readonly ILoggerFactory _logging;
    private readonly StrongBox<bool> _ended;

    private SidecarBenchEngine(Sidecar sidecar, IHost worker, AzureStorageOrchestrationService? azureStorage, ILoggerFactory logging, StrongBox<bool> ended)
    {
        _ended = ended;
        _sidecar = sidecar;
        _worker = worker;
        _azureStorage = azureStorage;
        _logging = logging;
    }

    /// <summary>The SDK's gRPC client.</summary>
    public DurableTaskClient Client => _worker.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Starts <paramref name="engine"/> (InMemory, or AzureStorage on <paramref name="storageConnectionString"/>).</summary>
    public static async Task<SidecarBenchEngine> StartAsync(CompareEngine engine, string? storageConnectionString)
    {
        // DurableTask.AzureStorage's table partition manager keeps polling after the service has stopped and its task
        // hub is deleted, logging TableNotFound for the rest of the process; the provider's log ends with the run.
        var ended = new StrongBox<bool>();
        var logging = LoggerFactory.Create(builder => Sidecar.Quiet(builder.AddFilter(level => level >= LogLevel.Warning && !ended.Value)));
        IOrchestrationService service;
        IOrchestrationServiceClient client;
        AzureStorageOrchestrationService? azureStorage = null;
        if (engine == CompareEngine.AzureStorage)
        {
            var hub = $"bench{Guid.NewGuid():N}"[..24];
            azureStorage = new AzureStorageOrchestrationService(AzureStorageEngine.ScratchHubSettings(
                hub, storageConnectionString ?? throw new InvalidOperationException("AzureStorage needs an Azurite endpoint."), logging));
            await azureStorage.CreateIfNotExistsAsync();
            (service, client) = (azureStorage, azureStorage);
        }
        else
        {
            var inMemory = new InMemoryOrchestrationService();
            (service, client) = (inMemory, inMemory);
        }

        var sidecar = await Sidecar.StartAsync(new SidecarOrchestrationService(service, Concurrency, Concurrency), client);
        var worker = SidecarWorker.CreateBuilder(sidecar.Channel, AddTasks).Build();
        await worker.StartAsync();
        return new SidecarBenchEngine(sidecar, worker, azureStorage, logging, ended);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _sidecar.DisposeAsync();
        _ended.Value = true;
        if (_azureStorage is not null)
        {
            await _azureStorage.StopAsync(isForced: true);
            await _azureStorage.DeleteAsync();
        }

        _logging.Dispose();
    }

    private static void AddTasks(DurableTaskRegistry registry) => registry
        .AddActivityFunc<int, int>("Noop", (_, x) => BenchOrchestrators.Noop(x))
        .AddOrchestratorFunc<int, int>("FanOut", BenchOrchestrators.FanOut)
        .AddOrchestratorFunc<int, int>("Chain", BenchOrchestrators.Chain)
        .AddOrchestratorFunc<int, int>("Hello5", BenchOrchestrators.Hello5)
        .AddOrchestratorFunc<DateTime, DateTime>("Sleep", BenchOrchestrators.Sleep)
        .AddOrchestratorFunc<int, int>("Inbox", BenchOrchestrators.Inbox);
}
