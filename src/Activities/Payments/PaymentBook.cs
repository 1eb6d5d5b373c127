using Azure.Data.Tables;
using Serverless.Activities.Storage;
using Serverless.Storage;

namespace Serverless.Activities.Payments;

/// <summary>Charges and refunds in <see cref="ActivityTables.Payments"/> (one row per charge, refunded in place).</summary>
public sealed class PaymentBook(ActivityStorage storage)
{
    private const string Partition = "payments";

    /// <summary>Records a charge; charging the same id again changes nothing.</summary>
    /// <param name="payment">The charge (<see cref="Payment.Refunded"/> is ignored).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call charged.</returns>
    public async Task<bool> ChargeAsync(Payment payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentException.ThrowIfNullOrWhiteSpace(payment.CustomerId, nameof(payment.CustomerId));
        Amounts.RequirePositive(payment.Amount, nameof(payment.Amount));
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Payment {payment.PaymentId}", async () =>
        {
            if (await store.GetAsync(ActivityTables.Payments, Partition, Row(payment.PaymentId), cancellationToken) is not null)
            {
                return false;
            }

            await store.AddAsync(ActivityTables.Payments, new TableEntity(Partition, Row(payment.PaymentId))
            {
                ["PaymentId"] = payment.PaymentId,
                ["CustomerId"] = payment.CustomerId,
                ["Amount"] = Amounts.Write(payment.Amount),
                ["Reference"] = payment.Reference,
                ["InstanceId"] = payment.InstanceId,
                ["Refunded"] = false,
            }, cancellationToken);
            return true;
        });
    }

    /// <summary>Refunds a charge in full; refunding again, or an unknown id, changes nothing.</summary>
    /// <param name="paymentId">The charge.</param>
    /// <param name="amount">When given, must equal the charged amount (partial refunds are not supported).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call refunded.</returns>
    /// <exception cref="ArgumentException">The amount differs from the charge; nothing changes.</exception>
    public async Task<bool> RefundAsync(string paymentId, decimal? amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentId);
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Payment {paymentId}", async () =>
        {
            var row = await store.GetAsync(ActivityTables.Payments, Partition, Row(paymentId), cancellationToken);
            if (row is null || row.GetBoolean("Refunded") == true)
            {
                return false;
            }

            var charged = Amounts.Read(row, "Amount");
            if (amount is { } requested && requested != charged)
            {
                throw new ArgumentException($"Payment '{paymentId}' charged {charged}; a refund of {requested} is not a full refund.", nameof(amount));
            }

            await store.UpdateAsync(ActivityTables.Payments, new TableEntity(Partition, row.RowKey) { ["Refunded"] = true }, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        });
    }

    /// <summary>Every charge made by one orchestration instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The charges.</returns>
    public async Task<IReadOnlyList<Payment>> PaymentsOfAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        var list = new List<Payment>();
        await foreach (var row in store.QueryAllAsync(ActivityTables.Payments, TableStoreQuery.Partition(Partition, TableCondition.Equal("InstanceId", instanceId)), cancellationToken))
        {
            list.Add(new Payment(
                row.GetString("PaymentId") ?? string.Empty, row.GetString("CustomerId") ?? string.Empty, Amounts.Read(row, "Amount"),
                row.GetString("Reference") ?? string.Empty, instanceId, row.GetBoolean("Refunded") == true));
        }

        return list;
    }

    private static string Row(string paymentId) => TableKeys.Escape(paymentId);

    private Task<ITableStore> StoreAsync(CancellationToken cancellationToken) => storage.TableAsync(ActivityTables.Payments, cancellationToken);
}
