using Microsoft.DurableTask.Client;

namespace Serverless.Runtime;

/// <summary>Statuses the runtime records that Durable Task's client enum marks obsolete for client use.</summary>
internal static class RuntimeStatus
{
    /// <summary>
    /// An execution that ended by ContinueAsNew. Durable Task's client never reports it (the instance goes on
    /// Running), but an execution's completion record still needs it, as DurableTask.Core's own history does.
    /// </summary>
    public const OrchestrationRuntimeStatus ContinuedAsNew = (OrchestrationRuntimeStatus)2;
}
