using Microsoft.DurableTask;

namespace Serverless.Activities.Approvals;

/// <summary>Input of <see cref="CloseApproval"/>.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="StepId">The approval step.</param>
/// <param name="Outcome">E.g. <c>approved</c>, <c>rejected</c>, <c>timedOut</c>.</param>
public sealed record CloseApprovalInput(string InstanceId, string StepId, string Outcome);

/// <summary>Activity <c>CloseApproval</c>: closes a request in the inbox so it leaves every pending list. Idempotent.</summary>
public sealed class CloseApproval(ApprovalInbox inbox) : TaskActivity<CloseApprovalInput, bool>
{
    /// <summary>The registered name.</summary>
    public const string Name = "CloseApproval";

    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, CloseApprovalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return inbox.CloseAsync(input.InstanceId, input.StepId, input.Outcome);
    }
}
