namespace Serverless.Activities.Shipping;

/// <summary>A shipment as the shipment book keeps it.</summary>
/// <param name="ShipmentId">Its id.</param>
/// <param name="OrderId">The order shipped.</param>
/// <param name="ReservationId">The reservation whose stock is shipped.</param>
/// <param name="TrackingNumber">The carrier's tracking number.</param>
/// <param name="InstanceId">The orchestration that created it.</param>
/// <param name="Cancelled">True once cancelled.</param>
public sealed record Shipment(string ShipmentId, string OrderId, string ReservationId, string TrackingNumber, string InstanceId, bool Cancelled);
