using Microsoft.DurableTask;
using Serverless.Approvals;

namespace Serverless.Activities.Approvals;

/// <summary>Input of <see cref="ConfirmApprovalDecision"/>.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="StepId">The approval step.</param>
/// <param name="Approver">The approver an <c>approval:&lt;step&gt;</c> event names.</param>
public sealed record ConfirmDecisionInput(string InstanceId, string StepId, string Approver);

/// <summary>
/// Activity <c>ConfirmApprovalDecision</c>: the decision the inbox recorded for an approver of a request, or null
/// when it recorded none. An approval event is only a signal that a decision may have been made; orchestrations
/// count the decision this returns, so a raw <c>approval:&lt;step&gt;</c> event sent past the decide route (which
/// records in the inbox first) cannot decide in anyone's name.
/// </summary>
public sealed class ConfirmApprovalDecision(ApprovalInbox inbox) : TaskActivity<ConfirmDecisionInput, ApprovalDecision?>
{
    /// <summary>The registered name.</summary>
    public const string Name = "ConfirmApprovalDecision";

    /// <inheritdoc />
    public override async Task<ApprovalDecision?> RunAsync(TaskActivityContext context, ConfirmDecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Approver))
        {
            return null;
        }

        var record = await inbox.GetAsync(input.InstanceId, input.StepId);
        var approver = input.Approver.Trim();
        return record?.Decisions.FirstOrDefault(d => string.Equals(d.Approver, approver, StringComparison.OrdinalIgnoreCase));
    }
}
