using Serverless.Approvals;

namespace Serverless.Activities.Approvals;

/// <summary>An approval request as the inbox holds it.</summary>
/// <param name="Request">The request (the latest escalation level's approvers).</param>
/// <param name="Status">Pending or closed.</param>
/// <param name="Decisions">Every accepted decision, in the order they were recorded.</param>
/// <param name="Outcome">The closing outcome (e.g. <c>approved</c>, <c>rejected</c>, <c>timedOut</c>), once closed.</param>
/// <param name="ClosedAt">When it was closed.</param>
public sealed record ApprovalRecord(
    ApprovalRequest Request,
    ApprovalStatus Status,
    IReadOnlyList<ApprovalDecision> Decisions,
    string? Outcome,
    DateTimeOffset? ClosedAt)
{
    /// <summary>True when <paramref name="approver"/> has already decided (case-insensitive).</summary>
    /// <param name="approver">Who.</param>
    /// <returns>Whether a decision of theirs is recorded.</returns>
    public bool HasDecided(string approver) =>
        Decisions.Any(d => string.Equals(d.Approver.Trim(), approver.Trim(), StringComparison.OrdinalIgnoreCase));
}
