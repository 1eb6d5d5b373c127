using Serverless.Audit;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Audit;

/// <summary><see cref="AuditTrail.AppendBatchAsync"/> writes what one-at-a-time appends would, in fewer transactions.</summary>
public abstract partial class AuditTrailContractTests
{
    private static List<AuditEntry> Batch(string instance, int count, int from = 0) =>
        [.. Enumerable.Range(from, count).Select(i => Entry(instance, $"Event{i}", T0.AddSeconds(i), $"step-{i}"))];

    [StoreFact]
    public async Task AppendBatchAsync_Entries_MatchOneAtATimeAppendsRowForRow()
    {
        var entries = Batch("inst-batch", 5);
        foreach (var entry in entries)
        {
            await Trail.AppendAsync(entry with { InstanceId = "inst-single" });
        }

        var written = await Trail.AppendBatchAsync(entries);

        var batch = await ReadAsync("inst-batch");
        var single = await ReadAsync("inst-single");
        Assert.Equal(5, written);
        Assert.Equal(single.Select(r => (r.Sequence, r.RowKey, r.Entry with { InstanceId = "x" })), batch.Select(r => (r.Sequence, r.RowKey, r.Entry with { InstanceId = "x" })));
        Assert.True((await Trail.VerifyTrailAsync("inst-batch")).IsIntact);
        var index = Assert.Single(await Store.QueryAllAsync(Options.DayIndexTable, new TableStoreQuery()).ToListAsync(), r => r.GetString("InstanceId") == "inst-batch");
        Assert.Equal((AuditHashing.DayKey(T0), T0), (index.PartitionKey, index.GetDateTimeOffset("Time")));
    }

    [StoreFact]
    public async Task AppendBatchAsync_SameBatchTwice_SecondWritesNothing()
    {
        var entries = Batch("inst-1", 4);

        var first = await Trail.AppendBatchAsync(entries);
        var retry = await Trail.AppendBatchAsync(entries);

        Assert.Equal((4, 0), (first, retry));
        Assert.Equal([1L, 2L, 3L, 4L], (await ReadAsync("inst-1")).Select(r => r.Sequence));
        Assert.True((await Trail.VerifyTrailAsync("inst-1")).IsIntact);
    }

    [StoreFact]
    public async Task AppendBatchAsync_PartlyRecordedBefore_WritesOnlyTheRestInOrder()
    {
        var entries = Batch("inst-1", 5);
        await Trail.AppendAsync(entries[0]);
        await Trail.AppendAsync(entries[1]);

        var written = await Trail.AppendBatchAsync(entries);

        var trail = await ReadAsync("inst-1");
        Assert.Equal(3, written);
        Assert.Equal(entries.Select(e => e.EventType), trail.Select(r => r.Entry.EventType));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], trail.Select(r => r.Sequence));
        Assert.True((await Trail.VerifyTrailAsync("inst-1")).IsIntact);
    }

    [StoreFact]
    public async Task AppendBatchAsync_MoreThanOneTransaction_ContinuesTheChainAcrossThem()
    {
        await Trail.AppendAsync(Entry("inst-1", "Started", T0.AddDays(-1)));
        var entries = Batch("inst-1", 120);

        var written = await Trail.AppendBatchAsync(entries);

        var trail = await ReadAsync("inst-1");
        Assert.Equal(120, written);
        Assert.Equal(Enumerable.Range(1, 121).Select(i => (long)i), trail.Select(r => r.Sequence));
        Assert.Equal(["Started", .. entries.Select(e => e.EventType)], trail.Select(r => r.Entry.EventType));
        Assert.True((await Trail.VerifyTrailAsync("inst-1")).IsIntact);
    }

    [StoreFact]
    public async Task AppendBatchAsync_RepeatedEntryInOneBatch_RecordsItOnce()
    {
        var started = Entry("inst-1", "Started", T0);

        var written = await Trail.AppendBatchAsync([started, Entry("inst-1", "Step", T0.AddSeconds(1)), started]);

        Assert.Equal(2, written);
        Assert.Equal(["Started", "Step"], (await ReadAsync("inst-1")).Select(r => r.Entry.EventType));
    }

    [StoreFact]
    public async Task AppendBatchAsync_TwoInstances_ThrowsAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Trail.AppendBatchAsync([Entry("inst-1", "Started", T0), Entry("inst-2", "Started", T0)]));

        Assert.Contains("inst-2", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ReadAsync("inst-1"));
        Assert.Empty(await Store.QueryAllAsync(Options.DayIndexTable, new TableStoreQuery()).ToListAsync());
    }

    [StoreFact]
    public async Task AppendBatchAsync_InvalidEntry_ThrowsAndWritesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Trail.AppendBatchAsync([Entry("inst-1", "Started", T0), Entry("inst-1", string.Empty, T0)]));

        Assert.Empty(await ReadAsync("inst-1"));
    }
}
