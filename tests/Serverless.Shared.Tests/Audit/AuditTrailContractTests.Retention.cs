using System.Text.Json;
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
        Assert.Equal(250, result.IndexRowsDeleted);
        Assert.Equal(6 + 3, result.Batches); // 49 entries and their markers per trail batch; 100 index rows per batch
        Assert.Equal("Recent", Assert.Single(await ReadAsync("inst-big")).Entry.EventType);
        Assert.True((await Trail.VerifyTrailAsync("inst-big")).IsIntact);
        Assert.Single(await Store.QueryAllAsync(Options.DayIndexTable, new TableStoreQuery()).ToListAsync(), r => r.GetString("InstanceId") == "inst-big");
    }
}
