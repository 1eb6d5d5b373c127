using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Serverless.Durable;

namespace Serverless.Host.Durable;

/// <summary>
/// The Durable Task SDK's side of a <see cref="Sidecar"/>: an application builder with the SDK's gRPC worker (running
/// the given orchestrators and activities) and its gRPC client on the sidecar's channel, both with the payload JSON
/// the Functions app configures. The host's AzureStorage engine, the conformance tests and the benchmark build their
/// worker from it.
/// </summary>
public static class SidecarWorker
{
    /// <summary>
    /// Orchestration and activity work items in flight at once when the sidecar runs Microsoft's in-memory engine or
    /// a test task hub (the in-memory service alone allows <c>Environment.ProcessorCount</c>, which stalls a 2-core
    /// machine; see <see cref="SidecarOrchestrationService"/>).
    /// </summary>
    public const int TestConcurrency = 100;

    /// <summary>A builder with the worker and the client registered; add services and logging, then build and start it.</summary>
    /// <param name="channel">The sidecar's channel.</param>
    /// <param name="tasks">Registers the orchestrators and activities the worker runs.</param>
    /// <returns>The builder.</returns>
    public static HostApplicationBuilder CreateBuilder(GrpcChannel channel, Action<DurableTaskRegistry> tasks)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(tasks);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        Sidecar.Quiet(builder.Logging);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(tasks);
            worker.UseGrpc(channel);
            worker.Configure(o => o.DataConverter = PayloadJson.Converter);
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.Configure(o => o.DataConverter = PayloadJson.Converter);
            client.RegisterDirectly();
        });
        return builder;
    }
}
