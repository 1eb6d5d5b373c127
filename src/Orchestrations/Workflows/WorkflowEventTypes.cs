namespace Serverless.Orchestrations.Workflows;

/// <summary>The domain events a workflow instance writes to its audit trail (the audit entry's EventType).</summary>
public static class WorkflowEventTypes
{
    /// <summary>The instance started (details: input, startedBy).</summary>
    public const string WorkflowStarted = "WorkflowStarted";

    /// <summary>The instance completed.</summary>
    public const string WorkflowCompleted = "WorkflowCompleted";

    /// <summary>The instance failed (details: step, error).</summary>
    public const string WorkflowFailed = "WorkflowFailed";

    /// <summary>
    /// The instance was terminated (details: reason). Orchestrator code does not run on terminate, so whoever
    /// terminates records it: the HTTP terminate route and the schedule overlap policy, through
    /// <c>WorkflowTerminationAudit</c> in src/Api.
    /// </summary>
    public const string WorkflowTerminated = "WorkflowTerminated";

    /// <summary>The instance continued as new to bound its history (details: generation).</summary>
    public const string WorkflowContinued = "WorkflowContinued";

    /// <summary>A step started.</summary>
    public const string StepScheduled = "StepScheduled";

    /// <summary>A step finished.</summary>
    public const string StepCompleted = "StepCompleted";

    /// <summary>A step failed (details: error, handling).</summary>
    public const string StepFailed = "StepFailed";

    /// <summary>An activity attempt failed and will be retried (details: attempt, delay).</summary>
    public const string StepRetrying = "StepRetrying";

    /// <summary>The compensation stack started unwinding.</summary>
    public const string CompensationStarted = "CompensationStarted";

    /// <summary>One compensation activity succeeded.</summary>
    public const string CompensationCompleted = "CompensationCompleted";

    /// <summary>One compensation activity failed; the rest still run.</summary>
    public const string CompensationFailed = "CompensationFailed";

    /// <summary>An approval was requested (details: approvers, quorum, level).</summary>
    public const string ApprovalRequested = "ApprovalRequested";

    /// <summary>A listed approver decided (details: approver, approved, comment).</summary>
    public const string ApprovalDecided = "ApprovalDecided";

    /// <summary>A decision from someone not listed was ignored (details: approver).</summary>
    public const string ApprovalIgnored = "ApprovalIgnored";

    /// <summary>The approval was granted.</summary>
    public const string ApprovalGranted = "ApprovalGranted";

    /// <summary>The approval was rejected.</summary>
    public const string ApprovalRejected = "ApprovalRejected";

    /// <summary>The approval escalated to the next level.</summary>
    public const string ApprovalEscalated = "ApprovalEscalated";

    /// <summary>The approval timed out (details: onTimeout).</summary>
    public const string ApprovalTimedOut = "ApprovalTimedOut";

    /// <summary>A transaction participant's commit failed after every participant prepared (details: participant, error, committed).</summary>
    public const string TransactionCommitFailed = "TransactionCommitFailed";

    /// <summary>A transaction aborted its prepared participants (details: failed participant, aborted).</summary>
    public const string TransactionAborted = "TransactionAborted";
}
