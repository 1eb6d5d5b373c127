using Microsoft.DurableTask.Client;

namespace Serverless.Durable;

/// <summary>Helpers over Durable Task's <see cref="OrchestrationRuntimeStatus"/>.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>True for Completed, Failed and Terminated (and the unused Canceled): the instance will not run again.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated
        || (int)status == 4; // Canceled: obsolete in Durable Task ("not currently used"), terminal where it appears.
}
