using Serverless.Activities.Inventory;
using Serverless.Activities.Reliability;
using Serverless.Activities.Storage;
using Serverless.Activities.Tests.Infrastructure;

namespace Serverless.Activities.Tests.Domain;

public sealed class InventoryActivityTests : IDisposable
{
    private readonly ActivityHost _host = new();

    private Warehouse Warehouse => _host.Get<Warehouse>();

    public void Dispose() => _host.Dispose();

    private static ReserveInventoryInput Order(int quantity = 2) =>
        new() { OrderId = "o-1", Items = [new InventoryLine("sku-1", quantity), new InventoryLine("untracked", 5)] };

    private Task<ReserveInventoryOutput> ReserveAsync(ReserveInventoryInput input, string instance = "order-1") =>
        _host.RunAsync<ReserveInventory, ReserveInventoryInput, ReserveInventoryOutput>(input, instance);

    private Task<ChangeOutput> ReleaseAsync(string reservationId) =>
        _host.RunAsync<ReleaseInventory, ReleaseInventoryInput, ChangeOutput>(new ReleaseInventoryInput { ReservationId = reservationId });

    [Fact]
    public async Task ReserveInventory_Redelivered_ReservesOnce()
    {
        await Warehouse.SetStockAsync("sku-1", 10);

        var first = await ReserveAsync(Order());
        var again = await ReserveAsync(Order());

        Assert.Equal(first.ReservationId, again.ReservationId);
        Assert.Equal(8, await Warehouse.GetAvailableAsync("sku-1"));
        Assert.Single(await Warehouse.ReservationsOfAsync("order-1"));
    }

    [Fact]
    public async Task ReserveInventory_SameOrderFromAnotherInstance_ReservesSeparately()
    {
        await Warehouse.SetStockAsync("sku-1", 10);

        var a = await ReserveAsync(Order(), "order-1");
        var b = await ReserveAsync(Order(), "order-2");

        Assert.NotEqual(a.ReservationId, b.ReservationId);
        Assert.Equal(6, await Warehouse.GetAvailableAsync("sku-1"));
    }

    [Fact]
    public async Task ReserveInventory_NotEnoughStock_ThrowsAndReservesNothing()
    {
        await Warehouse.SetStockAsync("sku-1", 1);

        await Assert.ThrowsAsync<InsufficientStockException>(() => ReserveAsync(Order(quantity: 2)));

        Assert.Equal(1, await Warehouse.GetAvailableAsync("sku-1"));
        Assert.Empty(await Warehouse.ReservationsOfAsync("order-1"));
    }

    [Fact]
    public async Task ReleaseInventory_Twice_ReturnsStockOnce()
    {
        await Warehouse.SetStockAsync("sku-1", 10);
        var reserved = await ReserveAsync(Order(quantity: 4));

        var first = await ReleaseAsync(reserved.ReservationId);
        var second = await ReleaseAsync(reserved.ReservationId);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(10, await Warehouse.GetAvailableAsync("sku-1"));
        Assert.True((await Warehouse.GetReservationAsync(reserved.ReservationId))!.Released);
    }

    [Fact]
    public async Task ReleaseInventory_UnknownReservation_ChangesNothing()
    {
        var result = await ReleaseAsync("res-unknown");

        Assert.False(result.Changed);
    }

    [Fact]
    public async Task ReserveInventory_FailTimesTwo_FailsTwoAttemptsThenReservesOnce()
    {
        await Warehouse.SetStockAsync("sku-1", 10);
        var input = Order() with { FailTimes = 2 };

        await Assert.ThrowsAsync<InjectedFailureException>(() => ReserveAsync(input));
        await Assert.ThrowsAsync<InjectedFailureException>(() => ReserveAsync(input));
        Assert.Equal(10, await Warehouse.GetAvailableAsync("sku-1"));
        await ReserveAsync(input);
        await ReserveAsync(input);

        Assert.Equal(8, await Warehouse.GetAvailableAsync("sku-1"));
    }

    [Fact]
    public async Task ReserveInventory_FailAlways_ThrowsWithGivenMessage()
    {
        var error = await Assert.ThrowsAsync<InjectedFailureException>(() => ReserveAsync(Order() with { FailAlways = true, FailMessage = "warehouse offline" }));

        Assert.Equal("warehouse offline", error.Message);
        Assert.Empty(await Warehouse.ReservationsOfAsync("order-1"));
    }

    [Fact]
    public async Task ReserveInventory_NoItems_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ReserveAsync(new ReserveInventoryInput { OrderId = "o-1" }));
    }

    [Fact]
    public async Task ReserveInventory_ConcurrentDeliveries_ReserveOnce()
    {
        await Warehouse.SetStockAsync("sku-1", 100);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReserveAsync(Order(quantity: 3))));

        Assert.Single(results.Select(r => r.ReservationId).Distinct());
        Assert.Equal(97, await Warehouse.GetAvailableAsync("sku-1"));
    }
}
