namespace Serverless.Orchestration;

/// <summary>Runtime status of an orchestration instance (same names and values as Durable Task).</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>The orchestrator has started and is running or waiting.</summary>
    Running = 0,

    /// <summary>Completed with an output.</summary>
    Completed = 1,

    /// <summary>Restarted itself with new input; the history was reset.</summary>
    ContinuedAsNew = 2,

    /// <summary>Failed with an unhandled exception.</summary>
    Failed = 3,

    /// <summary>Reserved by Durable Task; never set by our runtime.</summary>
    Canceled = 4,

    /// <summary>Stopped by a terminate request.</summary>
    Terminated = 5,

    /// <summary>Scheduled, not yet started.</summary>
    Pending = 6,

    /// <summary>Suspended by request; new events are buffered until resumed.</summary>
    Suspended = 7,
}

/// <summary>Helpers over <see cref="OrchestrationRuntimeStatus"/>.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>True for Completed, Failed, Terminated and Canceled: the instance will not run again.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
            or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;
}
