using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using Serverless.Host.Durable;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>
/// The sidecar over DurableTask.AzureStorage's orchestration service on Azurite, in a task hub of its own that is
/// deleted afterwards. Skips outside CI when Azurite is not running.
/// </summary>
public sealed class AzureStorageEngineFixture : EngineFixture
{
    private readonly ILoggerFactory _logging = LoggerFactory.Create(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
    private AzureStorageOrchestrationService? _service;

    protected override string? SkipReason => AzuriteStorage.SkipReason;

    protected override async Task<IConformanceEngine> StartAsync()
    {
        // Task hub names: letters and digits, starting with a letter.
        var settings = AzureStorageEngine.ScratchHubSettings($"conformance{Guid.NewGuid():N}"[..24], AzuriteStorage.ConnectionString, _logging);
        _service = new AzureStorageOrchestrationService(settings);
        await _service.CreateIfNotExistsAsync();
        return await SidecarEngine.StartAsync(
            EngineKind.AzureStorage, new SidecarOrchestrationService(_service, InMemoryEngineFixture.Concurrency, InMemoryEngineFixture.Concurrency), _service);
    }

    /// <summary>Stops the engine, then deletes the task hub's queues, tables and lease blobs from Azurite.</summary>
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_service is not null)
        {
            await _service.DeleteAsync();
        }

        _logging.Dispose();
    }
}
