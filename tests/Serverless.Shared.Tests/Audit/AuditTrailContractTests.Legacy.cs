using Azure.Data.Tables;
using Serverless.Audit;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Audit;

/// <summary>Trails written with the old row keys (UTC ticks and content hash) still read and verify, and migrate on the next append.</summary>
public abstract partial class AuditTrailContractTests
{
    [StoreFact]
    public async Task ReadTrailAsync_OldRowKeys_ReturnsThemInSeqOrderAndVerifies()
    {
        var written = await WriteLegacyTrailAsync("inst-old");

        var read = await ReadAsync("inst-old");

        Assert.Equal(written, read.Select(r => r.Entry.EventType));
        Assert.Equal([1L, 2L, 3L], read.Select(r => r.Sequence));
        Assert.True((await Trail.VerifyTrailAsync("inst-old")).IsIntact);
    }

    [StoreFact]
    public async Task AppendAsync_OldRowKeys_MigratesTheTrailThenAppendsAtTheNextPosition()
    {
        var written = await WriteLegacyTrailAsync("inst-old");

        Assert.True(await Trail.AppendAsync(Entry("inst-old", "WorkflowCompleted", T0.AddMinutes(1))));

        var rows = await Store.QueryAllAsync(Options.TrailTable, TableStoreQuery.Partition("inst-old")).ToListAsync();
        var entries = rows.Where(r => r.GetString("EventType") is not null).ToList();
        Assert.Equal([.. written, "WorkflowCompleted"], entries.Select(r => r.GetString("EventType")));
        Assert.Equal(["0000000000000000001", "0000000000000000002", "0000000000000000003", "0000000000000000004"], entries.Select(r => r.RowKey));
        Assert.Equal(4, rows.Count(r => r.RowKey.StartsWith("hash-", StringComparison.Ordinal)));
        Assert.True((await Trail.VerifyTrailAsync("inst-old")).IsIntact);
        Assert.False(await Trail.AppendAsync(Entry("inst-old", written[1], T0.AddSeconds(1))));
    }

    [StoreFact]
    public async Task MigrateLegacyRowsAsync_EditedOldRow_StillReportedAfterTheMove()
    {
        await WriteLegacyTrailAsync("inst-old");
        var second = (await ReadAsync("inst-old"))[1];
        await Store.UpsertAsync(Options.TrailTable, new TableEntity("inst-old", second.RowKey) { ["Actor"] = "mallory" });

        Assert.Equal(3, await Trail.MigrateLegacyRowsAsync("inst-old"));

        var result = await Trail.VerifyTrailAsync("inst-old");
        Assert.Contains(result.Problems, p => p.Kind == AuditProblemKind.Edited && p.Sequence == 2);
    }

    // Three rows as the old code wrote them: keyed by time and hash, and here the clock went backwards, so key
    // order (time) is the reverse of chain order; the head carries no KeyScheme.
    private async Task<List<string>> WriteLegacyTrailAsync(string instance)
    {
        var types = new List<string> { "WorkflowStarted", "StepCompleted", "WorkflowFailed" };
        var previous = string.Empty;
        for (var i = 0; i < types.Count; i++)
        {
            var entry = Entry(instance, types[i], T0.AddSeconds(2 - i));
            var content = AuditHashing.ContentHash(entry);
            var hash = AuditHashing.ChainHash(i + 1, previous, content);
            await Store.AddAsync(Options.TrailTable, AuditRows.ToEntity(new AuditRecord(entry, AuditHashing.EntryKey(entry, content), i + 1, previous, hash)));
            previous = hash;
        }

        await Store.AddAsync(Options.TrailTable, new TableEntity(instance, AuditRows.HeadRowKey) { ["LastSeq"] = 3L, ["LastHash"] = previous });
        return types;
    }
}
