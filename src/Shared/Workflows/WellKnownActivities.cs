namespace Serverless.Workflows;

/// <summary>
/// The activity names the samples use and the interpreter provides (docs/dsl.md describes each one).
/// Hosts pass this set, plus their own activities, as <c>ValidationOptions.ActivityRegistry</c>.
/// </summary>
public static class WellKnownActivities
{
    /// <summary>General-purpose activities: echo, transform, http, audit, notify, fail.</summary>
    public static readonly IReadOnlySet<string> General = new HashSet<string>(StringComparer.Ordinal)
    {
        "echo", "transform", "http", "audit", "notify", "fail",
    };

    /// <summary>Demo domain activities used by the order, payment and transfer samples.</summary>
    public static readonly IReadOnlySet<string> Domain = new HashSet<string>(StringComparer.Ordinal)
    {
        "reserveInventory", "releaseInventory", "chargePayment", "refundPayment", "createShipment", "cancelShipment",
        "holdFunds", "releaseHold", "debitAccount", "prepareCredit", "creditAccount", "cancelCredit",
    };

    /// <summary><see cref="General"/> and <see cref="Domain"/> together.</summary>
    public static readonly IReadOnlySet<string> All = General.Concat(Domain).ToHashSet(StringComparer.Ordinal);
}
