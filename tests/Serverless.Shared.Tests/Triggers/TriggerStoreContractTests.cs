using Serverless.Storage;
using Serverless.Tests.Infrastructure;
using Serverless.Triggers;

namespace Serverless.Tests.Triggers;

/// <summary>The trigger store's behaviour on every table store (SQLite in a temp folder, Azurite).</summary>
public abstract class TriggerStoreContractTests : IAsyncLifetime
{
    protected const string Document = """{"auth":{"mode":"key","secret":"HOOK_KEY"},"rules":[{"id":"r","start":{"workflow":"echo-flow"}}]}""";
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    protected string Table { get; } = "triggers" + Guid.NewGuid().ToString("N")[..10];

    protected TriggerStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = new TriggerStore(await CreateStoreAsync(), Table);
        await Store.EnsureCreatedAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<ITableStore> CreateStoreAsync();

    [StoreFact]
    public async Task PutAsync_ThenGetAndList_ReturnTheDocumentAsWritten()
    {
        await Store.PutAsync("shop", Document, paused: false, T0);
        await Store.PutAsync("crm", Document.Replace("HOOK_KEY", "CRM_KEY", StringComparison.Ordinal), paused: true, T0.AddMinutes(1));

        var shop = await Store.GetAsync("shop");
        var all = await Store.ListAsync();

        Assert.Equal((Document, false, T0), (shop!.DocumentJson, shop.Paused, shop.UpdatedAt));
        Assert.Equal(["crm", "shop"], all.Select(t => t.Name));
        Assert.True(all[0].Paused);
        Assert.Null(await Store.GetAsync("ghost"));
        Assert.Null(await Store.GetAsync("bad name"));
    }

    [StoreFact]
    public async Task AddCountsAsync_ConcurrentDeliveries_LoseNoCount()
    {
        await Store.PutAsync("shop", Document, paused: false, T0);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Store.AddCountsAsync("shop", new TriggerCounts
        {
            Deliveries = 1, Matched = 2, NotMatched = 1, Started = 1, AlreadyStarted = 1, LastDeliveryAt = T0.AddSeconds(i),
        })));
        await Store.AddCountsAsync("shop", new TriggerCounts { Refused = 1, LastRefusedAt = T0 });

        var counts = await Store.GetCountsAsync("shop");
        Assert.Equal((12L, 24L, 12L, 12L, 12L, 1L, 0L), (counts.Deliveries, counts.Matched, counts.NotMatched, counts.Started, counts.AlreadyStarted, counts.Refused, counts.Failed));
        Assert.Equal(T0.AddSeconds(11), counts.LastDeliveryAt);
        Assert.Equal(T0, counts.LastRefusedAt);
    }

    [StoreFact]
    public async Task PutAsync_Replace_KeepsCountsAndDeleteRemovesBoth()
    {
        await Store.PutAsync("shop", Document, paused: false, T0);
        await Store.AddCountsAsync("shop", new TriggerCounts { Deliveries = 3 });

        await Store.PutAsync("shop", Document, paused: true, T0.AddHours(1));
        var kept = await Store.GetCountsAsync("shop");
        var deleted = await Store.DeleteAsync("shop");
        var again = await Store.DeleteAsync("shop");

        Assert.Equal(3, kept.Deliveries);
        Assert.True(deleted);
        Assert.False(again);
        Assert.Null(await Store.GetAsync("shop"));
        Assert.Equal(0, (await Store.GetCountsAsync("shop")).Deliveries);
    }

    [StoreFact]
    public async Task SetPausedAsync_ExistingAndAbsent_ChangesOnlyThePausedState()
    {
        await Store.PutAsync("shop", Document, paused: false, T0);

        var paused = await Store.SetPausedAsync("shop", true, T0.AddMinutes(5));
        var read = await Store.GetAsync("shop");
        var absent = await Store.SetPausedAsync("ghost", true, T0);

        Assert.True(paused!.Paused);
        Assert.Equal((true, Document, T0.AddMinutes(5)), (read!.Paused, read.DocumentJson, read.UpdatedAt));
        Assert.Null(absent);
    }

    [StoreFact]
    public async Task PutAsync_InvalidNameOrOversizedDocument_ThrowsAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("~shop", Document, false, T0));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("shop", new string(' ', TriggerDocument.MaxChars + 1), false, T0));

        Assert.Empty(await Store.ListAsync());
    }
}
