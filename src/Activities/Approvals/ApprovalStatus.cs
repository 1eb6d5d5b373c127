namespace Serverless.Activities.Approvals;

/// <summary>Where an approval request stands in the inbox.</summary>
public enum ApprovalStatus
{
    /// <summary>Waiting for decisions.</summary>
    Pending,

    /// <summary>The orchestration has closed it (approved, rejected, timed out or cancelled); no more decisions are accepted.</summary>
    Closed,
}
