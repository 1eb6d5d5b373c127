namespace Serverless.Bench.Compare;

/// <summary>The engines <c>compare</c> measures.</summary>
internal enum CompareEngine
{
    /// <summary>Our embedded runtime on SQLite (the existing workloads).</summary>
    Ours,

    /// <summary>Microsoft's in-memory engine (InProcessTestHost) behind the SDK's gRPC sidecar.</summary>
    InMemory,

    /// <summary>DurableTask.AzureStorage on Azurite behind the same sidecar.</summary>
    AzureStorage,
}
