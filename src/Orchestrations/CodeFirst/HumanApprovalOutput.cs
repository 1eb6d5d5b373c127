using System.Text.Json.Nodes;
using Serverless.Approvals;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Output of <see cref="HumanApproval"/>.</summary>
/// <param name="Decision"><c>approved</c> or <c>rejected</c>.</param>
/// <param name="TimedOut">True when the last level timed out and <see cref="HumanApprovalInput.OnTimeout"/> decided.</param>
/// <param name="Level">The level that decided (0 for the first).</param>
/// <param name="DecidedBy">The listed approvers whose decisions counted.</param>
/// <param name="Decisions">The counted decisions, in arrival order.</param>
/// <param name="Ignored">How many decisions were ignored (not listed at the level, or a repeat).</param>
/// <param name="OnApprovedOutput">The output of <see cref="HumanApprovalInput.OnApproved"/> when it ran.</param>
/// <param name="OnApprovedError">Why <see cref="HumanApprovalInput.OnApproved"/> failed (after its retries), if it did; the decision stands.</param>
public sealed record HumanApprovalOutput(
    string Decision,
    bool TimedOut,
    int Level,
    IReadOnlyList<string> DecidedBy,
    IReadOnlyList<ApprovalDecision> Decisions,
    int Ignored,
    JsonNode? OnApprovedOutput,
    StepError? OnApprovedError = null)
{
    /// <summary>True when approved.</summary>
    public bool Approved => Decision == "approved";
}
