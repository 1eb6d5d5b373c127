using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Audit;
using Serverless.Orchestrations.Workflows;

namespace Serverless.Api.Workflows;

/// <summary>
/// Records <see cref="WorkflowEventTypes.WorkflowTerminated"/> in a workflow instance's audit trail. A terminated
/// orchestration runs no more code, so the interpreter cannot write this event itself; every handler that
/// terminates an instance calls this after the terminate request was accepted. Instances that are not
/// workflow-interpreter instances (code-first orchestrators) have no workflow trail and are left alone.
/// </summary>
/// <param name="trail">The audit trail.</param>
/// <param name="time">Clock for the entry's time.</param>
public sealed class WorkflowTerminationAudit(AuditTrail trail, TimeProvider time)
{
    /// <summary>Appends the termination to the instance's trail when the instance runs a workflow definition.</summary>
    /// <param name="client">The Durable client (reads the instance's pinned workflow from its input).</param>
    /// <param name="instanceId">The terminated instance.</param>
    /// <param name="actor">Who terminated it (a principal, or a system component such as a schedule).</param>
    /// <param name="reason">The reason given, if any.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when an entry was written.</returns>
    public async Task<bool> RecordAsync(DurableTaskClient client, string instanceId, string actor, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null || !string.Equals(instance.Name, WorkflowRunInput.OrchestratorName, StringComparison.OrdinalIgnoreCase)
            || instance.ReadInputAs<WorkflowRunInput>() is not { } input)
        {
            return false;
        }

        return await trail.AppendAsync(
            new AuditEntry
            {
                InstanceId = instanceId,
                WorkflowName = input.Workflow,
                WorkflowVersion = input.Version.ToString(CultureInfo.InvariantCulture),
                EventType = WorkflowEventTypes.WorkflowTerminated,
                Actor = actor,
                Time = time.GetUtcNow(),
                DetailsJson = new JsonObject { ["reason"] = reason }.ToJsonString(),
                CorrelationId = input.CorrelationId,
            },
            cancellationToken);
    }
}
