namespace Serverless.Conformance.Tests.Engines;

/// <summary>The engines every conformance scenario runs on.</summary>
public enum EngineKind
{
    /// <summary>Our embedded runtime (src/Runtime) on SQLite files in a temp folder.</summary>
    OurRuntime,

    /// <summary>The Durable Task SDK's gRPC worker and client over the TaskHubGrpcServer sidecar with its in-memory service.</summary>
    InMemory,

    /// <summary>The same sidecar over DurableTask.AzureStorage's AzureStorageOrchestrationService on Azurite.</summary>
    AzureStorage,
}
