using Microsoft.DurableTask;
using Serverless.Activities.Reliability;

namespace Serverless.Activities.Shipping;

/// <summary>Input of <see cref="CreateShipment"/>.</summary>
public sealed record CreateShipmentInput : DomainActivityInput
{
    /// <summary>The order.</summary>
    public string OrderId { get; init; } = string.Empty;

    /// <summary>The live reservation to ship.</summary>
    public string ReservationId { get; init; } = string.Empty;
}

/// <summary>Output of <see cref="CreateShipment"/>.</summary>
/// <param name="ShipmentId">The shipment.</param>
/// <param name="TrackingNumber">Its tracking number.</param>
public sealed record CreateShipmentOutput(string ShipmentId, string TrackingNumber);

/// <summary>Activity <c>createShipment</c>: books a shipment for a reserved order, once per operation.</summary>
public sealed class CreateShipment(ShipmentBook shipments, ActivityRuns runs) : TaskActivity<CreateShipmentInput, CreateShipmentOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "createShipment";

    /// <inheritdoc />
    public override async Task<CreateShipmentOutput> RunAsync(TaskActivityContext context, CreateShipmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = OperationKeys.For(context, input.IdempotencyKey, input);
        await runs.ThrowIfInjectedAsync(context, input, key);
        var shipmentId = "shp-" + key;
        var tracking = "TRK" + key[..12].ToUpperInvariant();
        await shipments.CreateAsync(new Shipment(shipmentId, input.OrderId, input.ReservationId, tracking, context.InstanceId, false));
        return new CreateShipmentOutput(shipmentId, tracking);
    }
}
