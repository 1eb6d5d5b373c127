using Serverless.Activities.Inventory;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Input of <see cref="OrderSaga"/>.</summary>
public sealed record OrderSagaInput
{
    /// <summary>The order.</summary>
    public string OrderId { get; init; } = string.Empty;

    /// <summary>Who pays.</summary>
    public string CustomerId { get; init; } = string.Empty;

    /// <summary>The lines to reserve and ship.</summary>
    public IReadOnlyList<InventoryLine> Items { get; init; } = [];

    /// <summary>The amount to charge.</summary>
    public decimal Amount { get; init; }

    /// <summary>How each forward step (reserve, charge, ship) is retried; default one attempt.</summary>
    public RetrySpec? StepRetry { get; init; }

    /// <summary>How each compensation is retried; default <see cref="RetrySpec.Default"/>.</summary>
    public RetrySpec? CompensationRetry { get; init; }

    /// <summary>Failure injection for tests and demos, by activity name (e.g. <c>createShipment</c>).</summary>
    public IReadOnlyDictionary<string, Fault>? Faults { get; init; }
}

/// <summary>An injected failure for one activity of a code-first orchestration (tests and demos only).</summary>
/// <param name="FailTimes">Fail this many attempts, then succeed.</param>
/// <param name="FailAlways">Fail every attempt.</param>
public sealed record Fault(int? FailTimes = null, bool FailAlways = false);
