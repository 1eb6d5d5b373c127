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
    /// <remarks>
    /// Secret references resolve in <c>echo</c>, <c>transform</c>, <c>http</c> and <c>fail</c> only: they send their input on
    /// or hand it back, masked. The others store their input in the product's tables, where a value must never land.
    /// </remarks>
    public static IReadOnlyList<ActivityDescriptor> All { get; } =
    [
        new(Echo.Name, typeof(Echo), ResolvesSecrets: true),
        new(Transform.Name, typeof(Transform), ResolvesSecrets: true),
        new(Http.Name, typeof(Http), ResolvesSecrets: true),
        new(RecordAudit.Name, typeof(RecordAudit)),
        new(Notify.Name, typeof(Notify)),
        new(Fail.Name, typeof(Fail), ResolvesSecrets: true),
        new(RequestApproval.Name, typeof(RequestApproval), InterpreterOnly: true),
        new(CloseApproval.Name, typeof(CloseApproval), InterpreterOnly: true),
        new(ConfirmApprovalDecision.Name, typeof(ConfirmApprovalDecision), InterpreterOnly: true),
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
        new(Workflows.RecordWorkflowEventsActivity.Name, typeof(Workflows.RecordWorkflowEventsActivity), InterpreterOnly: true),
    ];

    /// <summary>The activities a definition's steps may call: every one but the interpreter's own (<see cref="ActivityDescriptor.InterpreterOnly"/>).</summary>
    public static IReadOnlySet<string> StepActivities { get; } =
        All.Where(a => !a.InterpreterOnly).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The activities only the interpreter and the code-first orchestrators call; a definition naming one is refused.</summary>
    public static IReadOnlySet<string> InterpreterActivities { get; } =
        All.Where(a => a.InterpreterOnly).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The names of the activities whose input may hold secret references (publish-time validation).</summary>
    public static IReadOnlySet<string> SecretActivities { get; } =
        All.Where(a => a.ResolvesSecrets).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
}
