using System.Net;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Durable;
using Serverless.Tests.Infrastructure;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>
/// Microsoft's engine as the Functions app meets it: the Durable Task SDK's gRPC worker and client, talking to the
/// TaskHubGrpcServer sidecar over a DurableTask.Core orchestration service. The sidecar listens on a port the OS
/// picks (127.0.0.1:0), logs warnings and errors only, and the payload JSON is the one the Functions app configures.
/// </summary>
public sealed class SidecarEngine : IConformanceEngine
{
    private readonly WebApplication _sidecar;
    private readonly GrpcChannel _channel;
    private readonly IHost _worker;
    private readonly TempFolder _folder;

    private SidecarEngine(EngineKind kind, WebApplication sidecar, GrpcChannel channel, IHost worker, TempFolder folder, Uri address)
    {
        Kind = kind;
        _sidecar = sidecar;
        _channel = channel;
        _worker = worker;
        _folder = folder;
        Address = address;
    }

    /// <inheritdoc />
    public EngineKind Kind { get; }

    /// <inheritdoc />
    public DurableTaskClient Client => _worker.Services.GetRequiredService<DurableTaskClient>();

    /// <inheritdoc />
    public IServiceProvider Services => _worker.Services;

    /// <summary>Where the sidecar's gRPC endpoint listens.</summary>
    public Uri Address { get; }

    /// <summary>The gRPC channel to the sidecar, for more clients (the HTTP API tests bind one to the host).</summary>
    public GrpcChannel Channel => _channel;

    /// <summary>Starts the sidecar over <paramref name="service"/>, then a worker and a client connected to it.</summary>
    public static async Task<SidecarEngine> StartAsync(EngineKind kind, IOrchestrationService service, IOrchestrationServiceClient client)
    {
        var folder = new TempFolder($"conformance-{kind}");
        var sidecar = StartSidecar(service, client);
        await sidecar.StartAsync();
        var address = new Uri(sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        var channel = GrpcChannel.ForAddress(address);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        Quiet(builder.Logging);
        builder.Services.AddActivityServices(folder.File("activities"));
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(ConformanceTasks.AddTo);
            worker.UseGrpc(channel);
            worker.Configure(options => options.DataConverter = PayloadJson.Converter);
        });
        builder.Services.AddDurableTaskClient(c =>
        {
            c.UseGrpc(channel);
            c.Configure(options => options.DataConverter = PayloadJson.Converter);
            c.RegisterDirectly();
        });
        var worker = builder.Build();
        await worker.StartAsync();
        return new SidecarEngine(kind, sidecar, channel, worker, folder, address);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _channel.ShutdownAsync();
        _channel.Dispose();
        await _sidecar.StopAsync();
        await _sidecar.DisposeAsync();
        _folder.Dispose();
    }

    private static WebApplication StartSidecar(IOrchestrationService service, IOrchestrationServiceClient client)
    {
        var builder = WebApplication.CreateSlimBuilder();
        Quiet(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }

    // The sidecar logs every gRPC call and work item at Information; a test run wants warnings and errors only.
    private static void Quiet(ILoggingBuilder logging) => logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
}
