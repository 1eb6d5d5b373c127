using Microsoft.DurableTask.Client;

namespace Serverless.Durable;

// Engine-neutral errors of a DurableTaskClient, which Durable Task itself leaves to each implementation
// (its gRPC client surfaces RpcException codes). Our runtime throws these; src/Api maps them to HTTP.

/// <summary>The named instance does not exist.</summary>
public sealed class OrchestrationNotFoundException(string instanceId)
    : InvalidOperationException($"No orchestration instance with id '{instanceId}' exists.")
{
    /// <summary>The instance id asked for.</summary>
    public string InstanceId { get; } = instanceId;
}

/// <summary>An instance with this id already exists and is not finished.</summary>
public sealed class OrchestrationAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
    : InvalidOperationException($"An orchestration instance with id '{instanceId}' already exists with status {status}.")
{
    /// <summary>The instance id asked for.</summary>
    public string InstanceId { get; } = instanceId;

    /// <summary>The existing instance's status.</summary>
    public OrchestrationRuntimeStatus Status { get; } = status;
}

/// <summary>The request does not fit the instance's status (e.g. an event to a finished instance, purging a running one).</summary>
public sealed class OrchestrationStateException(string instanceId, OrchestrationRuntimeStatus status, string message)
    : InvalidOperationException(message)
{
    /// <summary>The instance id.</summary>
    public string InstanceId { get; } = instanceId;

    /// <summary>The instance's status when the request was refused.</summary>
    public OrchestrationRuntimeStatus Status { get; } = status;
}

/// <summary>A payload or history went past a configured limit.</summary>
public sealed class DurableLimitExceededException(string limitName, long actual, long limit, string what)
    : InvalidOperationException($"{what} is {actual:N0} {(limitName.EndsWith("Bytes", StringComparison.Ordinal) ? "bytes" : "items")}, past the limit {limitName} = {limit:N0}.")
{
    /// <summary>The configuration name of the limit.</summary>
    public string LimitName { get; } = limitName;

    /// <summary>The offending size.</summary>
    public long Actual { get; } = actual;

    /// <summary>The configured limit.</summary>
    public long Limit { get; } = limit;
}
