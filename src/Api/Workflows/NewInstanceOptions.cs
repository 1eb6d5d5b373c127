using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Serverless.Api.Workflows;

/// <summary>
/// Start options for the product's own starts (workflow and orchestrator routes, schedule runs), which never reuse an
/// instance id. Durable itself replaces a finished instance of the same id; these options ask the engine to refuse it,
/// inside the transaction that would create it, so a check-then-start race cannot start one id twice.
/// </summary>
public static class NewInstanceOptions
{
    /// <summary>Options that refuse an id held by any instance, running or finished.</summary>
    /// <param name="instanceId">The instance id, or null for a new one.</param>
    /// <returns>The options.</returns>
    public static StartOrchestrationOptions NeverReplace(string? instanceId) =>
        new StartOrchestrationOptions(instanceId).WithDedupeStatuses(
            OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated);
}
