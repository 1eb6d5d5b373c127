using Azure.Data.Tables;
using Serverless.Activities.Inventory;
using Serverless.Activities.Storage;
using Serverless.Storage;

namespace Serverless.Activities.Shipping;

/// <summary>Shipments in <see cref="ActivityTables.Shipments"/>; a shipment needs a live reservation.</summary>
public sealed class ShipmentBook(ActivityStorage storage, Warehouse warehouse)
{
    private const string Partition = "shipments";

    /// <summary>Creates a shipment; creating the same id again changes nothing.</summary>
    /// <param name="shipment">The shipment (<see cref="Shipment.Cancelled"/> is ignored).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call created it.</returns>
    /// <exception cref="InvalidOperationException">The reservation does not exist or was released.</exception>
    public async Task<bool> CreateAsync(Shipment shipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentException.ThrowIfNullOrWhiteSpace(shipment.ReservationId, nameof(shipment.ReservationId));
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Shipment {shipment.ShipmentId}", async () =>
        {
            if (await store.GetAsync(ActivityTables.Shipments, Partition, Row(shipment.ShipmentId), cancellationToken) is not null)
            {
                return false;
            }

            var reservation = await warehouse.GetReservationAsync(shipment.ReservationId, cancellationToken);
            if (reservation is not { Released: false })
            {
                throw new InvalidOperationException($"Reservation '{shipment.ReservationId}' is {(reservation is null ? "unknown" : "released")}; nothing to ship.");
            }

            await store.AddAsync(ActivityTables.Shipments, new TableEntity(Partition, Row(shipment.ShipmentId))
            {
                ["ShipmentId"] = shipment.ShipmentId,
                ["OrderId"] = shipment.OrderId,
                ["ReservationId"] = shipment.ReservationId,
                ["TrackingNumber"] = shipment.TrackingNumber,
                ["InstanceId"] = shipment.InstanceId,
                ["Cancelled"] = false,
            }, cancellationToken);
            return true;
        });
    }

    /// <summary>Cancels a shipment; cancelling again, or an unknown id, changes nothing.</summary>
    /// <param name="shipmentId">The shipment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call cancelled it.</returns>
    public async Task<bool> CancelAsync(string shipmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shipmentId);
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Shipment {shipmentId}", async () =>
        {
            var row = await store.GetAsync(ActivityTables.Shipments, Partition, Row(shipmentId), cancellationToken);
            if (row is null || row.GetBoolean("Cancelled") == true)
            {
                return false;
            }

            await store.UpdateAsync(ActivityTables.Shipments, new TableEntity(Partition, row.RowKey) { ["Cancelled"] = true }, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        });
    }

    /// <summary>Every shipment created by one orchestration instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The shipments.</returns>
    public async Task<IReadOnlyList<Shipment>> ShipmentsOfAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        var list = new List<Shipment>();
        await foreach (var row in store.QueryAllAsync(ActivityTables.Shipments, TableStoreQuery.Partition(Partition, TableCondition.Equal("InstanceId", instanceId)), cancellationToken))
        {
            list.Add(new Shipment(
                row.GetString("ShipmentId") ?? string.Empty, row.GetString("OrderId") ?? string.Empty, row.GetString("ReservationId") ?? string.Empty,
                row.GetString("TrackingNumber") ?? string.Empty, instanceId, row.GetBoolean("Cancelled") == true));
        }

        return list;
    }

    private static string Row(string shipmentId) => TableKeys.Escape(shipmentId);

    private Task<ITableStore> StoreAsync(CancellationToken cancellationToken) => storage.TableAsync(ActivityTables.Shipments, cancellationToken);
}
