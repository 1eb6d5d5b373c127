namespace Serverless.Activities.Inventory;

/// <summary>A stock reservation as the warehouse keeps it.</summary>
/// <param name="ReservationId">Its id.</param>
/// <param name="OrderId">The order it is for.</param>
/// <param name="InstanceId">The orchestration that made it.</param>
/// <param name="Items">The reserved lines.</param>
/// <param name="Released">True once released.</param>
public sealed record Reservation(string ReservationId, string OrderId, string InstanceId, IReadOnlyList<InventoryLine> Items, bool Released);
