using System.Text.Json;
using Azure.Data.Tables;
using Serverless.Activities.Storage;
using Serverless.Storage;

namespace Serverless.Activities.Inventory;

/// <summary>
/// Stock levels and reservations in one partition of <see cref="ActivityTables.Inventory"/>, so a reservation
/// row and the stock it takes change in one transaction. SKUs without a stock row are untracked (unlimited).
/// </summary>
public sealed class Warehouse(ActivityStorage storage)
{
    private const string Partition = "inventory";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Sets the available quantity of a SKU (seeding for tests and demos).</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="available">Units available.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when stored.</returns>
    public async Task SetStockAsync(string sku, long available, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        var store = await StoreAsync(cancellationToken);
        await store.UpsertAsync(ActivityTables.Inventory, new TableEntity(Partition, SkuRow(sku)) { ["Sku"] = sku, ["Available"] = available }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Units available for a SKU, or null when it is untracked.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The quantity, or null.</returns>
    public async Task<long?> GetAvailableAsync(string sku, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        return (await store.GetAsync(ActivityTables.Inventory, Partition, SkuRow(sku), cancellationToken))?.GetInt64("Available");
    }

    /// <summary>Reads one reservation, or null.</summary>
    /// <param name="reservationId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The reservation, or null.</returns>
    public async Task<Reservation?> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        var store = await StoreAsync(cancellationToken);
        var row = await store.GetAsync(ActivityTables.Inventory, Partition, ReservationRow(reservationId), cancellationToken);
        return row is null ? null : ToReservation(row);
    }

    /// <summary>Every reservation made by one orchestration instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The reservations.</returns>
    public async Task<IReadOnlyList<Reservation>> ReservationsOfAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        var query = TableStoreQuery.Partition(Partition, TableCondition.Equal("InstanceId", instanceId));
        var list = new List<Reservation>();
        await foreach (var row in store.QueryAllAsync(ActivityTables.Inventory, query, cancellationToken))
        {
            list.Add(ToReservation(row));
        }

        return list;
    }

    /// <summary>Reserves the lines under <paramref name="reservationId"/>; reserving the same id again changes nothing.</summary>
    /// <param name="reservationId">The reservation's id (derived from the operation's idempotency key).</param>
    /// <param name="orderId">The order.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <param name="items">The lines.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call reserved; false when the reservation already existed.</returns>
    /// <exception cref="InsufficientStockException">A tracked SKU has too few units; nothing is reserved.</exception>
    public async Task<bool> ReserveAsync(string reservationId, string orderId, string instanceId, IReadOnlyList<InventoryLine> items, CancellationToken cancellationToken = default)
    {
        var lines = Validate(items);
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Reservation {reservationId}", async () =>
        {
            if (await store.GetAsync(ActivityTables.Inventory, Partition, ReservationRow(reservationId), cancellationToken) is not null)
            {
                return false;
            }

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(Partition, ReservationRow(reservationId))
                {
                    ["ReservationId"] = reservationId,
                    ["OrderId"] = orderId,
                    ["InstanceId"] = instanceId,
                    ["Items"] = JsonSerializer.Serialize(lines, s_json),
                    ["Released"] = false,
                }),
            };
            foreach (var line in lines)
            {
                var stock = await store.GetAsync(ActivityTables.Inventory, Partition, SkuRow(line.Sku), cancellationToken);
                if (stock is null)
                {
                    continue;
                }

                var available = stock.GetInt64("Available") ?? 0;
                if (available < line.Quantity)
                {
                    throw new InsufficientStockException($"SKU '{line.Sku}' has {available} unit(s) available; {line.Quantity} requested.");
                }

                actions.Add(StockMove(stock, available - line.Quantity));
            }

            await store.SubmitTransactionAsync(ActivityTables.Inventory, actions, cancellationToken);
            return true;
        });
    }

    /// <summary>Releases a reservation and returns its units to stock; releasing again, or an unknown id, changes nothing.</summary>
    /// <param name="reservationId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call released it.</returns>
    public async Task<bool> ReleaseAsync(string reservationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Reservation {reservationId}", async () =>
        {
            var row = await store.GetAsync(ActivityTables.Inventory, Partition, ReservationRow(reservationId), cancellationToken);
            if (row is null || row.GetBoolean("Released") == true)
            {
                return false;
            }

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateMerge, new TableEntity(Partition, row.RowKey) { ["Released"] = true }, row.ETag),
            };
            foreach (var line in ToReservation(row).Items)
            {
                var stock = await store.GetAsync(ActivityTables.Inventory, Partition, SkuRow(line.Sku), cancellationToken);
                if (stock is not null)
                {
                    actions.Add(StockMove(stock, (stock.GetInt64("Available") ?? 0) + line.Quantity));
                }
            }

            await store.SubmitTransactionAsync(ActivityTables.Inventory, actions, cancellationToken);
            return true;
        });
    }

    private static List<InventoryLine> Validate(IReadOnlyList<InventoryLine>? items)
    {
        if (items is null || items.Count == 0)
        {
            throw new ArgumentException("A reservation needs at least one item.", nameof(items));
        }

        foreach (var line in items)
        {
            if (line is null || string.IsNullOrWhiteSpace(line.Sku) || line.Quantity <= 0)
            {
                throw new ArgumentException($"Every item needs a sku and a positive quantity; got {line}.", nameof(items));
            }
        }

        // One stock move per SKU; the transaction limit is 100 actions including the reservation row.
        var merged = items.GroupBy(l => l.Sku.Trim(), StringComparer.Ordinal).Select(g => new InventoryLine(g.Key, g.Sum(l => l.Quantity))).ToList();
        if (merged.Count > 99)
        {
            throw new ArgumentException($"A reservation may cover at most 99 SKUs; got {merged.Count}.", nameof(items));
        }

        return merged;
    }

    private static TableTransactionAction StockMove(TableEntity stock, long available) =>
        new(TableTransactionActionType.UpdateMerge, new TableEntity(Partition, stock.RowKey) { ["Available"] = available }, stock.ETag);

    private static Reservation ToReservation(TableEntity row) => new(
        row.GetString("ReservationId") ?? string.Empty,
        row.GetString("OrderId") ?? string.Empty,
        row.GetString("InstanceId") ?? string.Empty,
        JsonSerializer.Deserialize<List<InventoryLine>>(row.GetString("Items") ?? "[]", s_json) ?? [],
        row.GetBoolean("Released") == true);

    private static string SkuRow(string sku) => "sku:" + TableKeys.Escape(sku.Trim());

    private static string ReservationRow(string reservationId) => "res:" + TableKeys.Escape(reservationId);

    private Task<ITableStore> StoreAsync(CancellationToken cancellationToken) => storage.TableAsync(ActivityTables.Inventory, cancellationToken);
}
