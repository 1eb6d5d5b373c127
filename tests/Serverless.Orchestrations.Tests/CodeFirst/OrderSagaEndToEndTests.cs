using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Activities.Inventory;
using Serverless.Activities.Payments;
using Serverless.Activities.Shipping;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Orchestrations.Tests.Infrastructure;
using Serverless.Runtime;
using Serverless.Runtime.History;
using Serverless.Tests.Infrastructure;

namespace Serverless.Orchestrations.Tests.CodeFirst;

/// <summary>The order saga on the real runtime, with its side effects checked in the real table store.</summary>
public sealed class OrderSagaEndToEndTests : IAsyncLifetime
{
    private static readonly RetrySpec s_fastRetry = new(3, TimeSpan.FromMilliseconds(20));
    private readonly TempFolder _folder = new("saga");
    private CodeFirstRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _runtime = await CodeFirstRuntime.StartAsync(_folder);
        await _runtime.Get<Warehouse>().SetStockAsync("sku-1", 10);
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _folder.Dispose();
    }

    private static OrderSagaInput Order(IReadOnlyDictionary<string, Fault>? faults = null) => new()
    {
        OrderId = "o-1",
        CustomerId = "c-1",
        Items = [new InventoryLine("sku-1", 3)],
        Amount = 42.50m,
        StepRetry = s_fastRetry,
        CompensationRetry = s_fastRetry,
        Faults = faults,
    };

    [Fact]
    public async Task OrderSaga_AllStepsSucceed_ReservesChargesAndShipsOnce()
    {
        var result = await _runtime.RunAsync(OrderSaga.Name, Order(), "saga-ok");

        var output = result.ReadOutputAs<OrderSagaOutput>()!;
        Assert.Equal(("completed", 0), (output.Status, output.Compensations.Count));
        Assert.Equal(7, await _runtime.Get<Warehouse>().GetAvailableAsync("sku-1"));
        Assert.False(Assert.Single(await _runtime.Get<PaymentBook>().PaymentsOfAsync("saga-ok")).Refunded);
        var shipment = Assert.Single(await _runtime.Get<ShipmentBook>().ShipmentsOfAsync("saga-ok"));
        Assert.Equal(output.TrackingNumber, shipment.TrackingNumber);
        Assert.Equal(new OrchestrationProgress("completed", null, 3, 3), result.ReadCustomStatusAs<OrchestrationProgress>());
    }

    [Fact]
    public async Task OrderSaga_FiftyOrdersAtOnce_EachReservesAndChargesExactlyOnce()
    {
        await _runtime.Get<Warehouse>().SetStockAsync("sku-1", 200);
        var ids = Enumerable.Range(0, 50).Select(i => $"saga-load-{i}").ToList();

        foreach (var id in ids)
        {
            await _runtime.Client.ScheduleNewOrchestrationInstanceAsync(OrderSaga.Name, Order() with { OrderId = id }, new StartOrchestrationOptions(id));
        }

        foreach (var id in ids)
        {
            Assert.Equal("completed", (await _runtime.CompleteAsync(id)).ReadOutputAs<OrderSagaOutput>()!.Status);
            Assert.Single(await _runtime.Get<PaymentBook>().PaymentsOfAsync(id));
        }

        Assert.Equal(200 - (50 * 3), await _runtime.Get<Warehouse>().GetAvailableAsync("sku-1"));
    }

    [Fact]
    public async Task OrderSaga_ShipmentFails_LeavesNoReservationOrChargeBehind()
    {
        var result = await _runtime.RunAsync(OrderSaga.Name, Order(new Dictionary<string, Fault> { ["createShipment"] = new(FailAlways: true) }), "saga-ship-fails");

        var output = result.ReadOutputAs<OrderSagaOutput>()!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(("compensated", "ship"), (output.Status, output.FailedStep));
        Assert.Equal(["refundPayment", "releaseInventory"], output.Compensations.Select(c => c.Activity));
        Assert.All(output.Compensations, c => Assert.True(c.Succeeded));
        Assert.Equal(10, await _runtime.Get<Warehouse>().GetAvailableAsync("sku-1"));
        Assert.All(await _runtime.Get<Warehouse>().ReservationsOfAsync("saga-ship-fails"), r => Assert.True(r.Released));
        Assert.All(await _runtime.Get<PaymentBook>().PaymentsOfAsync("saga-ship-fails"), p => Assert.True(p.Refunded));
        Assert.Empty(await _runtime.Get<ShipmentBook>().ShipmentsOfAsync("saga-ship-fails"));
    }

    [Fact]
    public async Task OrderSaga_RefundFailsEveryRetry_StillReleasesInventoryAndReportsBoth()
    {
        var faults = new Dictionary<string, Fault> { ["createShipment"] = new(FailAlways: true), ["refundPayment"] = new(FailAlways: true) };

        var result = await _runtime.RunAsync(OrderSaga.Name, Order(faults), "saga-refund-fails");

        var output = result.ReadOutputAs<OrderSagaOutput>()!;
        Assert.Equal("compensationFailed", output.Status);
        Assert.Equal([("refundPayment", false), ("releaseInventory", true)], output.Compensations.Select(c => (c.Activity, c.Succeeded)));
        Assert.Contains("asked to fail", output.Compensations[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(10, await _runtime.Get<Warehouse>().GetAvailableAsync("sku-1"));
        Assert.False(Assert.Single(await _runtime.Get<PaymentBook>().PaymentsOfAsync("saga-refund-fails")).Refunded);
        var history = await _runtime.Runtime.GetHistoryAsync("saga-refund-fails");
        Assert.Equal(s_fastRetry.MaxAttempts, history.OfType<TaskScheduled>().Count(t => t.Name == "refundPayment"));
        OrchestrationReplayer.Replay(new OrderSaga(), history);
    }

    [Fact]
    public async Task OrderSaga_CompensationFailsTwice_RetriedByPolicyUntilItSucceeds()
    {
        var faults = new Dictionary<string, Fault> { ["createShipment"] = new(FailAlways: true), ["refundPayment"] = new(FailTimes: 2) };

        var result = await _runtime.RunAsync(OrderSaga.Name, Order(faults), "saga-refund-retried");

        var output = result.ReadOutputAs<OrderSagaOutput>()!;
        Assert.Equal("compensated", output.Status);
        Assert.True(Assert.Single(await _runtime.Get<PaymentBook>().PaymentsOfAsync("saga-refund-retried")).Refunded);
    }

    [Fact]
    public async Task OrderSaga_ChargeFailsTransiently_RetriedAndChargedOnce()
    {
        var result = await _runtime.RunAsync(OrderSaga.Name, Order(new Dictionary<string, Fault> { ["chargePayment"] = new(FailTimes: 2) }), "saga-charge-retried");

        Assert.Equal("completed", result.ReadOutputAs<OrderSagaOutput>()!.Status);
        Assert.Single(await _runtime.Get<PaymentBook>().PaymentsOfAsync("saga-charge-retried"));
    }

    [Fact]
    public async Task OrderSaga_OutOfStock_FailsAtReserveWithNothingToCompensate()
    {
        var input = Order() with { Items = [new InventoryLine("sku-1", 11)] };

        var result = await _runtime.RunAsync(OrderSaga.Name, input, "saga-no-stock");

        var output = result.ReadOutputAs<OrderSagaOutput>()!;
        Assert.Equal(("compensated", "reserve"), (output.Status, output.FailedStep));
        Assert.Empty(output.Compensations);
        Assert.EndsWith(nameof(InsufficientStockException), output.Error!.ErrorType, StringComparison.Ordinal);
        Assert.Empty(await _runtime.Get<PaymentBook>().PaymentsOfAsync("saga-no-stock"));
    }
}
