using Serverless.Activities.Inventory;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Orchestrations.Tests.Infrastructure;

namespace Serverless.Orchestrations.Tests.CodeFirst;

/// <summary>The saga's control flow against the port (Moq): call order, compensation order and retry options.</summary>
public sealed class OrderSagaTests
{
    private static readonly OrderSagaInput s_order = new()
    {
        OrderId = "o-1",
        CustomerId = "c-1",
        Items = [new InventoryLine("sku-1", 2)],
        Amount = 10m,
        CompensationRetry = new RetrySpec(4, TimeSpan.FromSeconds(2)),
    };

    private static ScriptedContext HappyPath() => new ScriptedContext()
        .On("reserveInventory", _ => new { reservationId = "res-1" })
        .On("chargePayment", _ => new { paymentId = "pay-1" })
        .On("createShipment", _ => new { shipmentId = "shp-1", trackingNumber = "TRK1" })
        .On("releaseInventory", _ => new { changed = true })
        .On("refundPayment", _ => new { changed = true })
        .On("cancelShipment", _ => new { changed = true });

    [Fact]
    public async Task RunAsync_AllStepsSucceed_RunsForwardStepsOnlyInOrder()
    {
        var context = HappyPath();

        var output = await new OrderSaga().RunAsync(context.Object, s_order);

        Assert.Equal(["reserveInventory", "chargePayment", "createShipment"], context.CallNames);
        Assert.Equal(("completed", "TRK1"), (output.Status, output.TrackingNumber));
        Assert.Equal("res-1", context.Calls[2].Input!["reservationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_ShipmentFails_CompensatesInReverseWithRetryPolicy()
    {
        var context = HappyPath().Fail("createShipment", "carrier down");

        var output = await new OrderSaga().RunAsync(context.Object, s_order);

        Assert.Equal(["reserveInventory", "chargePayment", "createShipment", "refundPayment", "releaseInventory"], context.CallNames);
        Assert.Equal(("compensated", "ship", "carrier down"), (output.Status, output.FailedStep, output.Error!.Message));
        Assert.Equal("pay-1", context.Calls[3].Input!["paymentId"]!.GetValue<string>());
        Assert.Equal("res-1", context.Calls[4].Input!["reservationId"]!.GetValue<string>());
        Assert.All(context.Calls.Skip(3), c => Assert.Equal(4, c.Options!.Retry!.Policy!.MaxNumberOfAttempts));
    }

    [Fact]
    public async Task RunAsync_RefundFails_StillReleasesAndListsEachResult()
    {
        var context = HappyPath().Fail("createShipment").Fail("refundPayment", "bank offline");

        var output = await new OrderSaga().RunAsync(context.Object, s_order);

        Assert.Equal("compensationFailed", output.Status);
        Assert.Equal(
            [("charge", "refundPayment", false), ("reserve", "releaseInventory", true)],
            output.Compensations.Select(c => (c.Step, c.Activity, c.Succeeded)));
        Assert.Equal("bank offline", output.Compensations[0].Error!.Message);
    }

    [Fact]
    public async Task RunAsync_ChargeFails_ReleasesReservationOnly()
    {
        var context = HappyPath().Fail("chargePayment");

        var output = await new OrderSaga().RunAsync(context.Object, s_order);

        Assert.Equal(["reserveInventory", "chargePayment", "releaseInventory"], context.CallNames);
        Assert.Equal(("compensated", "charge", (string?)null), (output.Status, output.FailedStep, output.PaymentId));
    }

    [Fact]
    public async Task RunAsync_ReserveFails_CompensatesNothing()
    {
        var context = HappyPath().Fail("reserveInventory");

        var output = await new OrderSaga().RunAsync(context.Object, s_order);

        Assert.Equal(["reserveInventory"], context.CallNames);
        Assert.Empty(output.Compensations);
    }

    [Fact]
    public async Task RunAsync_NoItems_ThrowsBeforeAnyCall()
    {
        var context = HappyPath();

        await Assert.ThrowsAsync<ArgumentException>(() => new OrderSaga().RunAsync(context.Object, s_order with { Items = [] }));

        Assert.Empty(context.Calls);
    }

    [Fact]
    public async Task RunAsync_FaultsForAnActivity_PassesThemInItsInput()
    {
        var context = HappyPath();

        await new OrderSaga().RunAsync(context.Object, s_order with { Faults = new Dictionary<string, Fault> { ["chargePayment"] = new(FailTimes: 2) } });

        Assert.Equal(2, context.Calls[1].Input!["failTimes"]!.GetValue<int>());
        Assert.Null(context.Calls[0].Input!["failTimes"]);
    }
}
