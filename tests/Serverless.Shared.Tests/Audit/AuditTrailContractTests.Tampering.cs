using Azure.Data.Tables;
using Serverless.Audit;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Audit;

public abstract partial class AuditTrailContractTests
{
    private async Task<List<AuditRecord>> ThreeEntriesAsync(string instance)
    {
        for (var i = 0; i < 3; i++)
        {
            await Trail.AppendAsync(Entry(instance, "Event" + i, T0.AddSeconds(i)));
        }

        return await ReadAsync(instance);
    }

    [StoreFact]
    public async Task VerifyTrailAsync_UntouchedTrail_IsIntact()
    {
        await ThreeEntriesAsync("inst-1");

        var result = await Trail.VerifyTrailAsync("inst-1");

        Assert.True(result.IsIntact);
        Assert.Equal(3, result.RowsChecked);
    }

    [StoreFact]
    public async Task VerifyTrailAsync_EditedRow_ReportsThatRow()
    {
        var rows = await ThreeEntriesAsync("inst-1");
        await Store.UpsertAsync(Options.TrailTable, new TableEntity("inst-1", rows[1].RowKey) { ["Actor"] = "mallory" });

        var result = await Trail.VerifyTrailAsync("inst-1");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((AuditProblemKind.Edited, 2L, rows[1].RowKey), (problem.Kind, problem.Sequence, problem.RowKey));
    }

    [StoreFact]
    public async Task VerifyTrailAsync_EditedAndRehashedRow_ReportsTheBrokenLinkAfterIt()
    {
        var rows = await ThreeEntriesAsync("inst-1");
        var forged = rows[1] with { Entry = rows[1].Entry with { Actor = "mallory" } };
        var content = AuditHashing.ContentHash(forged.Entry);
        await Store.UpsertAsync(Options.TrailTable, new TableEntity("inst-1", rows[1].RowKey)
        {
            ["Actor"] = "mallory",
            ["Hash"] = AuditHashing.ChainHash(forged.Sequence, forged.PreviousHash, content),
        });

        var result = await Trail.VerifyTrailAsync("inst-1");

        Assert.False(result.IsIntact);
        Assert.Contains(result.Problems, p => p.Kind == AuditProblemKind.Edited && p.RowKey == rows[1].RowKey);
        Assert.Contains(result.Problems, p => p.Kind == AuditProblemKind.ChainBroken && p.RowKey == rows[2].RowKey);
    }

    [StoreFact]
    public async Task VerifyTrailAsync_DeletedMiddleRow_ReportsTheMissingPosition()
    {
        var rows = await ThreeEntriesAsync("inst-1");
        await Store.DeleteAsync(Options.TrailTable, "inst-1", rows[1].RowKey);

        var result = await Trail.VerifyTrailAsync("inst-1");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((AuditProblemKind.Deleted, 2L), (problem.Kind, problem.Sequence));
        Assert.Contains(rows[2].RowKey, problem.Description, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task VerifyTrailAsync_DeletedLastRow_ReportsMissingAtTheEnd()
    {
        var rows = await ThreeEntriesAsync("inst-1");
        await Store.DeleteAsync(Options.TrailTable, "inst-1", rows[2].RowKey);

        var result = await Trail.VerifyTrailAsync("inst-1");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((AuditProblemKind.Deleted, 3L), (problem.Kind, problem.Sequence));
    }
}
