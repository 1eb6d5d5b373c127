using Serverless.Activities.Inventory;
using Serverless.Activities.Payments;
using Serverless.Activities.Shipping;
using Serverless.Activities.Storage;
using Serverless.Activities.Tests.Infrastructure;

namespace Serverless.Activities.Tests.Domain;

public sealed class PaymentAndShipmentActivityTests : IDisposable
{
    private readonly ActivityHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<ChargePaymentOutput> ChargeAsync(decimal amount = 99.95m) =>
        _host.RunAsync<ChargePayment, ChargePaymentInput, ChargePaymentOutput>(new ChargePaymentInput { CustomerId = "c-1", Amount = amount, Reference = "order o-1" });

    private Task<ChangeOutput> RefundAsync(string paymentId, decimal? amount = null) =>
        _host.RunAsync<RefundPayment, RefundPaymentInput, ChangeOutput>(new RefundPaymentInput { PaymentId = paymentId, Amount = amount });

    [Fact]
    public async Task ChargePayment_Redelivered_ChargesOnce()
    {
        var first = await ChargeAsync();
        var again = await ChargeAsync();

        Assert.Equal(first.PaymentId, again.PaymentId);
        var payment = Assert.Single(await _host.Get<PaymentBook>().PaymentsOfAsync("order-1"));
        Assert.Equal((99.95m, false), (payment.Amount, payment.Refunded));
    }

    [Fact]
    public async Task ChargePayment_NonPositiveAmount_ThrowsAndChargesNothing()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ChargeAsync(0m));

        Assert.Empty(await _host.Get<PaymentBook>().PaymentsOfAsync("order-1"));
    }

    [Fact]
    public async Task RefundPayment_Twice_RefundsOnce()
    {
        var charge = await ChargeAsync();

        Assert.True((await RefundAsync(charge.PaymentId, 99.95m)).Changed);
        Assert.False((await RefundAsync(charge.PaymentId, 99.95m)).Changed);

        Assert.True(Assert.Single(await _host.Get<PaymentBook>().PaymentsOfAsync("order-1")).Refunded);
    }

    [Fact]
    public async Task RefundPayment_PartialAmount_ThrowsAndKeepsCharge()
    {
        var charge = await ChargeAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => RefundAsync(charge.PaymentId, 10m));

        Assert.False(Assert.Single(await _host.Get<PaymentBook>().PaymentsOfAsync("order-1")).Refunded);
    }

    [Fact]
    public async Task CreateShipment_LiveReservation_CreatesOnceAndCancelsOnce()
    {
        var reservation = await _host.RunAsync<ReserveInventory, ReserveInventoryInput, ReserveInventoryOutput>(
            new ReserveInventoryInput { OrderId = "o-1", Items = [new InventoryLine("sku-1", 1)] });
        var input = new CreateShipmentInput { OrderId = "o-1", ReservationId = reservation.ReservationId };

        var first = await _host.RunAsync<CreateShipment, CreateShipmentInput, CreateShipmentOutput>(input);
        var again = await _host.RunAsync<CreateShipment, CreateShipmentInput, CreateShipmentOutput>(input);
        var cancel = new CancelShipmentInput { ShipmentId = first.ShipmentId };
        var cancelled = await _host.RunAsync<CancelShipment, CancelShipmentInput, ChangeOutput>(cancel);
        var cancelledAgain = await _host.RunAsync<CancelShipment, CancelShipmentInput, ChangeOutput>(cancel);

        Assert.Equal(first, again);
        Assert.StartsWith("TRK", first.TrackingNumber, StringComparison.Ordinal);
        Assert.Equal((true, false), (cancelled.Changed, cancelledAgain.Changed));
        Assert.True(Assert.Single(await _host.Get<ShipmentBook>().ShipmentsOfAsync("order-1")).Cancelled);
    }

    [Fact]
    public async Task CreateShipment_ReleasedReservation_ThrowsAndCreatesNothing()
    {
        var reservation = await _host.RunAsync<ReserveInventory, ReserveInventoryInput, ReserveInventoryOutput>(
            new ReserveInventoryInput { OrderId = "o-1", Items = [new InventoryLine("sku-1", 1)] });
        await _host.Get<Warehouse>().ReleaseAsync(reservation.ReservationId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.RunAsync<CreateShipment, CreateShipmentInput, CreateShipmentOutput>(
            new CreateShipmentInput { OrderId = "o-1", ReservationId = reservation.ReservationId }));

        Assert.Empty(await _host.Get<ShipmentBook>().ShipmentsOfAsync("order-1"));
    }
}
