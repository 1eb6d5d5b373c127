using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Serverless.Audit;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Audit;

/// <summary>The audit trail's behaviour on every table store (SQLite in a temp folder, Azurite).</summary>
public abstract partial class AuditTrailContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    protected FakeTimeProvider Clock { get; } = new(T0);

    protected ITableStore Store { get; private set; } = null!;

    protected AuditTrailOptions Options => new() { TrailTable = "trail" + _suffix, DayIndexTable = "byday" + _suffix };

    protected AuditTrail Trail { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        Trail = new AuditTrail(Store, Clock, Options);
        await Trail.EnsureCreatedAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<ITableStore> CreateStoreAsync();

    protected static AuditEntry Entry(string instance, string eventType, DateTimeOffset time = default, string? step = null) => new()
    {
        InstanceId = instance,
        WorkflowName = "order",
        WorkflowVersion = "1.2.0",
        Step = step,
        EventType = eventType,
        Actor = "alice@example.com",
        Time = time,
        DetailsJson = """{"amount":42,"note":"it's fine"}""",
        CorrelationId = "corr-1",
    };

    protected async Task<List<AuditRecord>> ReadAsync(string instance) => await Trail.ReadTrailAsync(instance).ToListAsync();

    [StoreFact]
    public async Task AppendAsync_SameEntryTwice_StoresOneRow()
    {
        var entry = Entry("inst-1", "Started", T0);

        var first = await Trail.AppendAsync(entry);
        var retry = await Trail.AppendAsync(entry);

        Assert.True(first);
        Assert.False(retry);
        Assert.Single(await ReadAsync("inst-1"));
        Assert.True((await Trail.VerifyTrailAsync("inst-1")).IsIntact);
    }

    [StoreFact]
    public async Task AppendAsync_SeveralEntries_ReadBackInTimeOrderAsALinkedChain()
    {
        await Trail.AppendAsync(Entry("inst-1", "Started", T0));
        await Trail.AppendAsync(Entry("inst-1", "StepCompleted", T0.AddSeconds(1), "charge"));
        await Trail.AppendAsync(Entry("inst-1", "Completed", T0.AddSeconds(2)));

        var trail = await ReadAsync("inst-1");

        Assert.Equal(["Started", "StepCompleted", "Completed"], trail.Select(r => r.Entry.EventType));
        Assert.Equal([1L, 2L, 3L], trail.Select(r => r.Sequence));
        Assert.Equal(string.Empty, trail[0].PreviousHash);
        Assert.Equal(trail[0].Hash, trail[1].PreviousHash);
        Assert.Equal(trail[1].Hash, trail[2].PreviousHash);
        Assert.Equal(Entry("inst-1", "StepCompleted", T0.AddSeconds(1), "charge"), trail[1].Entry);
    }

    [StoreFact]
    public async Task AppendAsync_ConcurrentWriters_EveryEntryLandsInOneIntactChain()
    {
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Trail.AppendAsync(Entry("inst-busy", $"W{w}E{i}", T0.AddSeconds((w * 10) + i)));
            }
        }));

        await Task.WhenAll(writers);

        var trail = await ReadAsync("inst-busy");
        Assert.Equal(20, trail.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), trail.Select(r => r.Sequence).Order());
        Assert.True((await Trail.VerifyTrailAsync("inst-busy")).IsIntact);
    }

    [StoreFact]
    public async Task AppendAsync_NoTime_TakesTheInjectedClock()
    {
        Clock.Advance(TimeSpan.FromMinutes(5));

        await Trail.AppendAsync(Entry("inst-1", "Started"));

        Assert.Equal(T0.AddMinutes(5), Assert.Single(await ReadAsync("inst-1")).Entry.Time);
    }

    [StoreFact]
    public async Task AppendAsync_DetailsOverTheLimit_ThrowsAndWritesNothing()
    {
        var entry = Entry("inst-1", "Started", T0) with { DetailsJson = "\"" + new string('x', AuditEntry.MaxDetailsChars) + "\"" };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Trail.AppendAsync(entry));

        Assert.Equal("DetailsJson", e.ParamName);
        Assert.Empty(await ReadAsync("inst-1"));
        Assert.Empty(await Store.QueryAllAsync(Options.DayIndexTable, new TableStoreQuery()).ToListAsync());
    }

    [StoreFact]
    public async Task AppendAsync_DetailsNotJson_Throws()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Trail.AppendAsync(Entry("inst-1", "Started", T0) with { DetailsJson = "{oops" }));

        Assert.Equal("DetailsJson", e.ParamName);
    }

    [StoreFact]
    public async Task AppendAsync_InstanceIdWithSlash_Throws()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Trail.AppendAsync(Entry("a/b", "Started", T0)));

        Assert.Equal("InstanceId", e.ParamName);
    }
}
