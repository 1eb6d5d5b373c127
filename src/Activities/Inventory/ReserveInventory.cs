using Microsoft.DurableTask;
using Serverless.Activities.Reliability;

namespace Serverless.Activities.Inventory;

/// <summary>Input of <see cref="ReserveInventory"/>.</summary>
public sealed record ReserveInventoryInput : DomainActivityInput
{
    /// <summary>The order.</summary>
    public string OrderId { get; init; } = string.Empty;

    /// <summary>The lines to reserve.</summary>
    public IReadOnlyList<InventoryLine> Items { get; init; } = [];
}

/// <summary>Output of <see cref="ReserveInventory"/>.</summary>
/// <param name="ReservationId">The reservation, the same on every delivery of the same call.</param>
public sealed record ReserveInventoryOutput(string ReservationId);

/// <summary>Activity <c>reserveInventory</c>: takes stock for an order's lines, once per operation.</summary>
public sealed class ReserveInventory(Warehouse warehouse, ActivityRuns runs) : TaskActivity<ReserveInventoryInput, ReserveInventoryOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "reserveInventory";

    /// <inheritdoc />
    public override async Task<ReserveInventoryOutput> RunAsync(TaskActivityContext context, ReserveInventoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.OrderId, nameof(input.OrderId));
        var key = OperationKeys.For(context, input.IdempotencyKey, input);
        await runs.ThrowIfInjectedAsync(context, input, key);
        var reservationId = "res-" + key;
        await warehouse.ReserveAsync(reservationId, input.OrderId, context.InstanceId, input.Items);
        return new ReserveInventoryOutput(reservationId);
    }
}
