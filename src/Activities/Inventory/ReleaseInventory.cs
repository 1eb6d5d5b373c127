using Microsoft.DurableTask;
using Serverless.Activities.Reliability;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Inventory;

/// <summary>Input of <see cref="ReleaseInventory"/>.</summary>
public sealed record ReleaseInventoryInput : DomainActivityInput
{
    /// <summary>The reservation to release.</summary>
    public string ReservationId { get; init; } = string.Empty;
}

/// <summary>Activity <c>releaseInventory</c>: gives a reservation's units back (compensation of <c>reserveInventory</c>).</summary>
public sealed class ReleaseInventory(Warehouse warehouse, ActivityRuns runs) : TaskActivity<ReleaseInventoryInput, ChangeOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "releaseInventory";

    /// <inheritdoc />
    public override async Task<ChangeOutput> RunAsync(TaskActivityContext context, ReleaseInventoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.ReservationId, nameof(input.ReservationId));
        await runs.ThrowIfInjectedAsync(context, input, OperationKeys.For(context, input.IdempotencyKey, input));
        return new ChangeOutput(await warehouse.ReleaseAsync(input.ReservationId));
    }
}
