using Microsoft.DurableTask;

namespace Serverless.Activities.Approvals;

/// <summary>
/// Activity <c>RequestApproval</c>: records an approval request (or its escalation) in the inbox so the host
/// lists it to the approvers. Idempotent, so a redelivery changes nothing.
/// </summary>
public sealed class RequestApproval(ApprovalInbox inbox) : TaskActivity<ApprovalRequest, ApprovalRecord>
{
    /// <summary>The registered name.</summary>
    public const string Name = "RequestApproval";

    /// <inheritdoc />
    public override Task<ApprovalRecord> RunAsync(TaskActivityContext context, ApprovalRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return inbox.RequestAsync(input);
    }
}
