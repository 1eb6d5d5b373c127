namespace Serverless.Activities.Approvals;

/// <summary>There is no approval request for the instance and step (HTTP 404).</summary>
public sealed class ApprovalNotFoundException(string instanceId, string stepId)
    : ApprovalInboxException(instanceId, stepId, $"No approval '{stepId}' was requested by instance '{instanceId}'.");
