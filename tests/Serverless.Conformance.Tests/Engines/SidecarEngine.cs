using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Host.Durable;
using Serverless.Tests.Infrastructure;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>
/// Microsoft's engine as the Functions app meets it: the Durable Task SDK's gRPC worker and client, talking to the
/// TaskHubGrpcServer sidecar over a DurableTask.Core orchestration service, with the payload JSON the Functions app
/// configures.
/// </summary>
public sealed class SidecarEngine : IConformanceEngine
{
    private readonly Sidecar _sidecar;
    private readonly IHost _worker;
    private readonly TempFolder _folder;

    private SidecarEngine(EngineKind kind, Sidecar sidecar, IHost worker, TempFolder folder)
    {
        Kind = kind;
        _sidecar = sidecar;
        _worker = worker;
        _folder = folder;
    }

    /// <inheritdoc />
    public EngineKind Kind { get; }

    /// <inheritdoc />
    public DurableTaskClient Client => _worker.Services.GetRequiredService<DurableTaskClient>();

    /// <inheritdoc />
    public IServiceProvider Services => _worker.Services;

    /// <summary>Starts the sidecar over <paramref name="service"/>, then a worker and a client connected to it.</summary>
    public static async Task<SidecarEngine> StartAsync(EngineKind kind, IOrchestrationService service, IOrchestrationServiceClient client)
    {
        var folder = new TempFolder($"conformance-{kind}");
        var sidecar = await Sidecar.StartAsync(service, client);
        var builder = SidecarWorker.CreateBuilder(sidecar.Channel, ConformanceTasks.AddTo);
        builder.Services.AddActivityServices(folder.File("activities"));
        var worker = builder.Build();
        await ConformanceTasks.EnsureProductTablesAsync(worker.Services);
        await worker.StartAsync();
        return new SidecarEngine(kind, sidecar, worker, folder);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _sidecar.DisposeAsync();
        _folder.Dispose();
    }
}
