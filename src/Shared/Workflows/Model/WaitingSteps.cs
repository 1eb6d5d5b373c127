using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Model;

/// <summary>
/// Human decision. <see cref="Quorum"/> approvals out of <see cref="Approvers"/> approve; a rejection by enough
/// approvers that quorum can no longer be reached rejects. Escalation levels add approvers after their delay.
/// Output: <c>{ "decision": "approved"|"rejected", "decidedBy": [...], "timedOut": bool }</c>.
/// </summary>
public sealed record ApprovalStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Approval;

    /// <summary>User or group ids allowed to decide.</summary>
    public required IReadOnlyList<string> Approvers { get; init; }

    /// <summary>Approvals needed (n of m).</summary>
    public int Quorum { get; init; } = 1;

    /// <summary>Total time allowed for a decision.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Escalation chain, in increasing <see cref="EscalationLevel.After"/> order.</summary>
    public IReadOnlyList<EscalationLevel> Escalation { get; init; } = [];

    /// <summary>Decision taken when <see cref="Timeout"/> elapses.</summary>
    public ApprovalTimeoutAction OnTimeout { get; init; }

    /// <summary>What approvers are shown (subject, details); a template.</summary>
    public JsonTemplate Request { get; init; } = JsonTemplate.Null;
}

/// <summary>One escalation level.</summary>
/// <param name="After">Time since the approval started after which this level is notified and may decide.</param>
/// <param name="Approvers">Approvers added at this level.</param>
public sealed record EscalationLevel(TimeSpan After, IReadOnlyList<string> Approvers);

/// <summary>Decision on approval timeout.</summary>
public enum ApprovalTimeoutAction
{
    /// <summary>The step fails.</summary>
    Fail,

    /// <summary>Treated as approved.</summary>
    Approve,

    /// <summary>Treated as rejected.</summary>
    Reject,
}

/// <summary>Waits for a named external event; output is the event payload.</summary>
public sealed record WaitStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Wait;

    /// <summary>Event name raised through the API.</summary>
    public required string Event { get; init; }

    /// <summary>How long to wait; null waits indefinitely (the workflow timeout still applies).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>What happens on timeout.</summary>
    public WaitTimeoutAction OnTimeout { get; init; }
}

/// <summary>Action when a wait times out.</summary>
public enum WaitTimeoutAction
{
    /// <summary>The step fails.</summary>
    Fail,

    /// <summary>The step succeeds with null output.</summary>
    Continue,
}

/// <summary>Durable timer: exactly one of <see cref="Duration"/> or <see cref="Until"/>.</summary>
public sealed record DelayStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Delay;

    /// <summary>Fixed delay.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Template yielding an ISO-8601 timestamp to wait until (a past time does not wait).</summary>
    public StringTemplate? Until { get; init; }
}

/// <summary>Runs another published workflow, pinned by name and version; output is the child's output.</summary>
public sealed record SubWorkflowStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Workflow;

    /// <summary>Child workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>Pinned child version.</summary>
    public required int Version { get; init; }

    /// <summary>Child input template.</summary>
    public JsonTemplate Input { get; init; } = JsonTemplate.Null;
}

/// <summary>
/// Two-phase commit: every participant's prepare runs (in order); if all succeed every commit runs, otherwise
/// the abort of each prepared participant runs. In commit and abort inputs, <c>item</c> is that participant's
/// prepare output. Output: object of prepare outputs by participant name.
/// </summary>
public sealed record TransactionStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Transaction;

    /// <summary>Participants, in prepare order.</summary>
    public required IReadOnlyList<TransactionParticipant> Participants { get; init; }
}

/// <summary>One transaction participant.</summary>
/// <param name="Name">Name unique within the step.</param>
/// <param name="Prepare">Phase one activity.</param>
/// <param name="Commit">Phase two activity on success.</param>
/// <param name="Abort">Phase two activity on failure (only for prepared participants).</param>
public sealed record TransactionParticipant(string Name, ActivityCall Prepare, ActivityCall Commit, ActivityCall Abort);
