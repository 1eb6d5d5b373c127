using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Serverless.Runtime.Storage;

/// <summary>The stored row of one orchestration instance (its current execution).</summary>
public sealed record InstanceRecord
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The orchestrator name.</summary>
    public required string Name { get; init; }

    /// <summary>The orchestrator version, or null.</summary>
    public string? Version { get; init; }

    /// <summary>The current execution id (changes on ContinueAsNew and restart).</summary>
    public required string ExecutionId { get; init; }

    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the row last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>When the instance reached a terminal status.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The serialized input of the current execution.</summary>
    public string? Input { get; init; }

    /// <summary>The serialized output, once completed or terminated.</summary>
    public string? Output { get; init; }

    /// <summary>The serialized custom status.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Why it failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>The parent, when this is a sub-orchestration.</summary>
    public ParentLink? Parent { get; init; }
}

/// <summary>Where a sub-orchestration reports its result.</summary>
/// <param name="InstanceId">The parent instance id.</param>
/// <param name="Name">The parent orchestrator name.</param>
/// <param name="ExecutionId">The parent execution that started the child.</param>
/// <param name="TaskId">The parent's task id for the child.</param>
public sealed record ParentLink(string InstanceId, string Name, string ExecutionId, int TaskId);
