using Microsoft.DurableTask.Client;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>One running engine with every scenario orchestrator and activity registered.</summary>
public interface IConformanceEngine : IAsyncDisposable
{
    /// <summary>Which engine this is.</summary>
    EngineKind Kind { get; }

    /// <summary>The engine's client: ours, or the SDK's gRPC client.</summary>
    DurableTaskClient Client { get; }

    /// <summary>The services the activities run with (stores, the call log, the scripted outside world).</summary>
    IServiceProvider Services { get; }
}
