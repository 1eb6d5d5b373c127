using Azure.Data.Tables;
using System.Text.Json;
using Serverless.Audit;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Audit;

public abstract partial class AuditTrailContractTests
{
    [StoreFact]
    public async Task ApplyRetentionAsync_RowsOlderThanCutoff_AreDeletedAndTheRestStillVerifies()
    {
        await Trail.AppendAsync(Entry("inst-a", "Started", T0));
        await Trail.AppendAsync(Entry("inst-a", "Step", T0.AddDays(1)));
        await Trail.AppendAsync(Entry("inst-a", "Completed", T0.AddDays(2)));
        await Trail.AppendAsync(Entry("inst-b", "Started", T0.AddHours(1)));
        Clock.Advance(TimeSpan.FromDays(10));

        var result = await Trail.ApplyRetentionAsync(TimeSpan.FromDays(9.5));

        Assert.Equal((2, 2, 2), (result.RowsDeleted, result.InstancesPruned, result.IndexRowsDeleted));
        Assert.Equal(T0.AddDays(0.5), result.Cutoff);
        Assert.Equal(["Step", "Completed"], (await ReadAsync("inst-a")).Select(r => r.Entry.EventType));
        Assert.Empty(await ReadAsync("inst-b"));
        Assert.True((await Trail.VerifyTrailAsync("inst-a")).IsIntact);
        Assert.True((await Trail.VerifyTrailAsync("inst-b")).IsIntact);
    }

    [StoreFact]
    public async Task ApplyRetentionAsync_Sweep_RecordsItselfInTheSystemTrail()
    {
        await Trail.AppendAsync(Entry("inst-a", "Started", T0));
        Clock.Advance(TimeSpan.FromDays(40));

        await Trail.ApplyRetentionAsync(TimeSpan.FromDays(30));

        var sweep = Assert.Single(await ReadAsync("$system"));
        Assert.Equal(("RetentionSweep", "retention", T0.AddDays(40)), (sweep.Entry.EventType, sweep.Entry.Actor, sweep.Entry.Time));
        using var details = JsonDocument.Parse(sweep.Entry.DetailsJson!);
        Assert.Equal(1, details.RootElement.GetProperty("rowsDeleted").GetInt32());
    }

    [StoreFact]
    public async Task ApplyRetentionAsync_NothingOldEnough_DeletesNothing()
    {
        await Trail.AppendAsync(Entry("inst-a", "Started", T0));
        Clock.Advance(TimeSpan.FromDays(1));

        var result = await Trail.ApplyRetentionAsync(TimeSpan.FromDays(2));

        Assert.Equal((0, 0, 0), (result.RowsDeleted, result.InstancesPruned, result.IndexRowsDeleted));
        Assert.Single(await ReadAsync("inst-a"));
    }

    [StoreFact]
    public async Task ApplyRetentionAsync_250OldRows_DeletesThemInBatchesOfAtMost100()
    {
        for (var i = 0; i < 250; i++)
        {
            await Trail.AppendAsync(Entry("inst-big", "Tick", T0.AddMinutes(i)));
        }

        await Trail.AppendAsync(Entry("inst-big", "Recent", T0.AddDays(20)));
        Clock.Advance(TimeSpan.FromDays(21));

        var result = await Trail.ApplyRetentionAsync(TimeSpan.FromDays(10));

        Assert.Equal(250, result.RowsDeleted);
        Assert.Equal(1, result.IndexRowsDeleted); // one index row per instance and day
        Assert.Equal(6 + 1, result.Batches); // 49 entries and their markers per trail batch; then the index rows
        Assert.Equal("Recent", Assert.Single(await ReadAsync("inst-big")).Entry.EventType);
        Assert.True((await Trail.VerifyTrailAsync("inst-big")).IsIntact);
        Assert.Single(await Store.QueryAllAsync(Options.DayIndexTable, new TableStoreQuery()).ToListAsync(), r => r.GetString("InstanceId") == "inst-big");
    }

    [StoreFact]
    public async Task AppendAsync_ManyEntriesOneDay_IndexesTheInstanceOnceWithItsEarliestTime()
    {
        await Trail.AppendAsync(Entry("inst-a", "Second", T0.AddHours(2)));
        await Trail.AppendAsync(Entry("inst-a", "First", T0.AddHours(1)));
        await Trail.AppendAsync(Entry("inst-a", "Third", T0.AddHours(3)));
        await Trail.AppendAsync(Entry("inst-a", "NextDay", T0.AddDays(1)));

        var index = await Store.QueryAllAsync(Options.DayIndexTable, new TableStoreQuery()).ToListAsync();

        Assert.Equal(
            [(AuditHashing.DayKey(T0), T0.AddHours(1)), (AuditHashing.DayKey(T0.AddDays(1)), T0.AddDays(1))],
            index.Select(r => (r.PartitionKey, r.GetDateTimeOffset("Time")!.Value)).Order());
    }

    [StoreFact]
    public async Task ApplyRetentionAsync_PartOfADayPruned_MovesTheIndexRowToTheEarliestEntryLeft()
    {
        await Trail.AppendAsync(Entry("inst-a", "Old", T0));
        await Trail.AppendAsync(Entry("inst-a", "Young", T0.AddHours(10)));
        Clock.Advance(TimeSpan.FromDays(10));

        var first = await Trail.ApplyRetentionAsync(TimeSpan.FromDays(10) - TimeSpan.FromHours(5));
        var second = await Trail.ApplyRetentionAsync(TimeSpan.FromDays(10) - TimeSpan.FromHours(5));

        Assert.Equal((1, 0), (first.RowsDeleted, first.IndexRowsDeleted));
        Assert.Equal((0, 0, 0), (second.RowsDeleted, second.InstancesPruned, second.Batches));
        var row = Assert.Single(await Store.QueryAllAsync(Options.DayIndexTable, new TableStoreQuery()).ToListAsync(), r => r.GetString("InstanceId") == "inst-a");
        Assert.Equal(T0.AddHours(10), row.GetDateTimeOffset("Time"));
        Assert.Equal("Young", Assert.Single(await ReadAsync("inst-a")).Entry.EventType);
    }

    [StoreFact]
    public async Task ApplyRetentionAsync_PerEntryIndexRowsOfEarlierReleases_AreFoundAndRemoved()
    {
        await Trail.AppendAsync(Entry("inst-old", "Started", T0));
        await Trail.AppendAsync(Entry("inst-old", "Completed", T0.AddMinutes(1)));
        foreach (var row in await Store.QueryAllAsync(Options.DayIndexTable, new TableStoreQuery()).ToListAsync())
        {
            await Store.DeleteAsync(Options.DayIndexTable, row.PartitionKey, row.RowKey);
        }

        foreach (var record in await ReadAsync("inst-old"))
        {
            var entryKey = AuditHashing.EntryKey(record.Entry, AuditHashing.ContentHash(record.Entry));
            await Store.AddAsync(Options.DayIndexTable, new TableEntity(AuditHashing.DayKey(record.Entry.Time), entryKey + "|inst-old")
            {
                ["InstanceId"] = "inst-old", ["EntryKey"] = entryKey, ["Time"] = record.Entry.Time,
            });
        }

        Clock.Advance(TimeSpan.FromDays(30));

        var result = await Trail.ApplyRetentionAsync(TimeSpan.FromDays(10));

        Assert.Equal((2, 2), (result.RowsDeleted, result.IndexRowsDeleted));
        Assert.Empty(await ReadAsync("inst-old"));
        Assert.DoesNotContain(await Store.QueryAllAsync(Options.DayIndexTable, new TableStoreQuery()).ToListAsync(), r => r.GetString("InstanceId") == "inst-old");
    }
}
