using Microsoft.DurableTask;
using Serverless.Activities.Reliability;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Shipping;

/// <summary>Input of <see cref="CancelShipment"/>.</summary>
public sealed record CancelShipmentInput : DomainActivityInput
{
    /// <summary>The shipment to cancel.</summary>
    public string ShipmentId { get; init; } = string.Empty;
}

/// <summary>Activity <c>cancelShipment</c>: cancels a shipment (compensation of <c>createShipment</c>).</summary>
public sealed class CancelShipment(ShipmentBook shipments, ActivityRuns runs) : TaskActivity<CancelShipmentInput, ChangeOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "cancelShipment";

    /// <inheritdoc />
    public override async Task<ChangeOutput> RunAsync(TaskActivityContext context, CancelShipmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.ShipmentId, nameof(input.ShipmentId));
        await runs.ThrowIfInjectedAsync(context, input, OperationKeys.For(context, input.IdempotencyKey, input));
        return new ChangeOutput(await shipments.CancelAsync(input.ShipmentId));
    }
}
