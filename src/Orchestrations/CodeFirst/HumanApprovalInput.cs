using System.Text.Json.Nodes;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Input of <see cref="HumanApproval"/>.</summary>
public sealed record HumanApprovalInput
{
    /// <summary>The approval step's id; decisions arrive as the event <c>approval:&lt;StepId&gt;</c>.</summary>
    public string StepId { get; init; } = "approval";

    /// <summary>What is to be approved, shown in the inbox.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>Details shown to approvers.</summary>
    public JsonNode? Details { get; init; }

    /// <summary>The escalation chain, first level first (e.g. manager, then director, then VP).</summary>
    public IReadOnlyList<ApprovalLevel> Levels { get; init; } = [];

    /// <summary>The decision when the last level times out.</summary>
    public ApprovalTimeoutOutcome OnTimeout { get; init; } = ApprovalTimeoutOutcome.Reject;

    /// <summary>Whether each level's approvers get a notification (activity <c>notify</c>).</summary>
    public bool NotifyApprovers { get; init; } = true;

    /// <summary>The step that runs only when approved; a rejection or timeout stops the flow before it.</summary>
    public ActivityCall? OnApproved { get; init; }
}

/// <summary>One level of the escalation chain.</summary>
/// <param name="Approvers">Who may decide at this level.</param>
/// <param name="Timeout">How long this level waits before escalating (or timing out at the last level).</param>
/// <param name="Quorum">How many distinct listed approvers must approve.</param>
public sealed record ApprovalLevel(IReadOnlyList<string> Approvers, TimeSpan Timeout, int Quorum = 1);

/// <summary>What a timeout at the last level decides.</summary>
public enum ApprovalTimeoutOutcome
{
    /// <summary>Treated as a rejection.</summary>
    Reject,

    /// <summary>Treated as an approval.</summary>
    Approve,
}
