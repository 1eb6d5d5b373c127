using Serverless.Activities.Approvals;
using Serverless.Activities.General;
using Serverless.Activities.Inventory;
using Serverless.Activities.Payments;
using Serverless.Activities.Shipping;
using Serverless.Activities.Transfers;

namespace Serverless.Activities;

/// <summary>
/// Every activity of the product. Hosts register exactly this list by name (the embedded runtime through its
/// registry, the Functions app through one binding each); names match <c>WellKnownActivities</c>.
/// </summary>
public static class ActivityCatalog
{
    /// <summary>Built-ins, the approvals inbox activities and the domain activities.</summary>
    public static IReadOnlyList<ActivityDescriptor> All { get; } =
    [
        new(Echo.Name, typeof(Echo)),
        new(Transform.Name, typeof(Transform)),
        new(Http.Name, typeof(Http)),
        new(RecordAudit.Name, typeof(RecordAudit)),
        new(Notify.Name, typeof(Notify)),
        new(Fail.Name, typeof(Fail)),
        new(RequestApproval.Name, typeof(RequestApproval)),
        new(CloseApproval.Name, typeof(CloseApproval)),
        new(ConfirmApprovalDecision.Name, typeof(ConfirmApprovalDecision)),
        new(ReserveInventory.Name, typeof(ReserveInventory)),
        new(ReleaseInventory.Name, typeof(ReleaseInventory)),
        new(ChargePayment.Name, typeof(ChargePayment)),
        new(RefundPayment.Name, typeof(RefundPayment)),
        new(CreateShipment.Name, typeof(CreateShipment)),
        new(CancelShipment.Name, typeof(CancelShipment)),
        new(HoldFunds.Name, typeof(HoldFunds)),
        new(ReleaseHold.Name, typeof(ReleaseHold)),
        new(DebitAccount.Name, typeof(DebitAccount)),
        new(PrepareCredit.Name, typeof(PrepareCredit)),
        new(CreditAccount.Name, typeof(CreditAccount)),
        new(CancelCredit.Name, typeof(CancelCredit)),
        new(Workflows.RecordWorkflowEventsActivity.Name, typeof(Workflows.RecordWorkflowEventsActivity)),
    ];
}
