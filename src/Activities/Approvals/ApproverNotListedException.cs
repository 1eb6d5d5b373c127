namespace Serverless.Activities.Approvals;

/// <summary>The caller is not among the approvers of the current level (HTTP 403).</summary>
public sealed class ApproverNotListedException(string instanceId, string stepId, string approver)
    : ApprovalInboxException(instanceId, stepId, $"'{approver}' is not an approver of '{stepId}' of instance '{instanceId}'.")
{
    /// <summary>Who tried to decide.</summary>
    public string Approver { get; } = approver;
}
