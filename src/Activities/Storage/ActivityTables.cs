namespace Serverless.Activities.Storage;

/// <summary>The tables the activities keep their side effects in (all on the table-store port).</summary>
public static class ActivityTables
{
    /// <summary>Stock levels and reservations (one partition, so a reservation and its stock moves commit together).</summary>
    public const string Inventory = "Inventory";

    /// <summary>Payments: one row per charge, refunded in place.</summary>
    public const string Payments = "Payments";

    /// <summary>Shipments: one row per shipment, cancelled in place.</summary>
    public const string Shipments = "Shipments";

    /// <summary>Accounts, holds and pending credits of the money-transfer ledger (one partition).</summary>
    public const string Ledger = "Ledger";

    /// <summary>Approval requests, one row per (instance, step).</summary>
    public const string Approvals = "Approvals";

    /// <summary>The approver index of pending approvals: partition = approver, row = instance and step.</summary>
    public const string ApprovalsByApprover = "ApprovalsByApprover";

    /// <summary>Notifications: partition = recipient.</summary>
    public const string Notifications = "Notifications";

    /// <summary>Durable attempt counters for failure injection and first-run facts of idempotent activities.</summary>
    public const string ActivityRuns = "ActivityRuns";
}
