using System.Net;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Serverless.Host.Durable;

/// <summary>
/// The Durable Task SDK's TaskHubGrpcServer (from Microsoft.DurableTask.InProcessTestHost) over a DurableTask.Core
/// orchestration service, listening on a port the OS picks on 127.0.0.1 and logging warnings and errors only.
/// </summary>
public sealed class Sidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Sidecar(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    /// <summary>Where the gRPC endpoint listens.</summary>
    public Uri Address { get; }

    /// <summary>A channel to it for SDK workers and clients.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Starts the sidecar. <paramref name="service"/> dispatches work; <paramref name="client"/> answers the management calls.</summary>
    /// <param name="service">The orchestration service the sidecar's dispatchers read work from.</param>
    /// <param name="client">The same service's client side.</param>
    /// <returns>The running sidecar.</returns>
    public static async Task<Sidecar> StartAsync(IOrchestrationService service, IOrchestrationServiceClient client)
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
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Sidecar(app, new Uri(address));
    }

    /// <summary>The sidecar logs every gRPC call and work item at Information; keep warnings and errors only.</summary>
    /// <param name="logging">The logging builder to quiet.</param>
    public static void Quiet(ILoggingBuilder logging) => logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Channel.ShutdownAsync();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
