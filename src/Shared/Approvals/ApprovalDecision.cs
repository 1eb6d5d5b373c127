namespace Serverless.Approvals;

/// <summary>
/// A human decision on an approval, delivered to the waiting orchestration as the payload of the
/// external event <see cref="ApprovalEvents.EventName"/>. Only decisions by a listed approver count.
/// </summary>
/// <param name="Approver">Who decided (the authenticated caller, never taken from the request body).</param>
/// <param name="Approved">True to approve, false to reject.</param>
/// <param name="Comment">Optional free text kept in the audit trail.</param>
/// <param name="DecidedAt">When the decision was made, as recorded by the host that accepted it.</param>
public sealed record ApprovalDecision(string Approver, bool Approved, string? Comment = null, DateTimeOffset? DecidedAt = null);

/// <summary>External-event names for approvals, shared by orchestrators and the HTTP API.</summary>
public static class ApprovalEvents
{
    /// <summary>Prefix of every approval event name.</summary>
    public const string Prefix = "approval:";

    /// <summary>The event an approval step waits on: <c>approval:&lt;stepId&gt;</c>.</summary>
    /// <param name="stepId">The approval step's id (for code-first approvals, the orchestrator's step name).</param>
    /// <returns>The event name.</returns>
    public static string EventName(string stepId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        return Prefix + stepId;
    }
}
