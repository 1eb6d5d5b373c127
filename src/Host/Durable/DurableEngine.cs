namespace Serverless.Host.Durable;

/// <summary>Which durable engine runs the local host's orchestrations (setting <c>DurableEngine</c>).</summary>
public enum DurableEngine
{
    /// <summary>Our embedded runtime on SQLite (the default; no setup).</summary>
    Embedded,

    /// <summary>
    /// Microsoft's engine: DurableTask.AzureStorage on the <c>AzureWebJobsStorage</c> account (Azurite locally), reached
    /// through the Durable Task SDK's gRPC sidecar, so the task hub is the one <c>func start</c> would write.
    /// </summary>
    AzureStorage,
}
