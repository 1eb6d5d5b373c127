namespace Serverless.Activities.Approvals;

/// <summary>The decision conflicts with the request's state (HTTP 409): it is closed, or this approver already decided.</summary>
public sealed class ApprovalConflictException(string instanceId, string stepId, ApprovalConflict reason, string message)
    : ApprovalInboxException(instanceId, stepId, message)
{
    /// <summary>Why the decision was refused.</summary>
    public ApprovalConflict Reason { get; } = reason;
}

/// <summary>Why a decision conflicts.</summary>
public enum ApprovalConflict
{
    /// <summary>The approval is closed.</summary>
    NotPending,

    /// <summary>This approver has already decided.</summary>
    AlreadyDecided,
}
