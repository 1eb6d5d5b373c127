using Microsoft.DurableTask.Testing.Sidecar;
using Serverless.Host.Durable;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>Microsoft's in-memory engine behind the sidecar, started once for a test class.</summary>
public sealed class InMemoryEngineFixture : EngineFixture
{
    /// <summary>Orchestration and activity work items in flight at once (the service alone would allow the processor count).</summary>
    public const int Concurrency = SidecarWorker.TestConcurrency;

    protected override async Task<IConformanceEngine> StartAsync()
    {
        var service = new InMemoryOrchestrationService();
        return await SidecarEngine.StartAsync(EngineKind.InMemory, new SidecarOrchestrationService(service, Concurrency, Concurrency), service);
    }
}
