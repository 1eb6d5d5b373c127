using Azure.Data.Tables;
using Serverless.Audit;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Audit;

/// <summary>Rows come back in sequence order from a plain partition query; large details are kept whole.</summary>
public abstract partial class AuditTrailContractTests
{
    [StoreFact]
    public async Task AppendAsync_ManyEntriesInTheSameTick_PlainPartitionQueryReturnsThemInSeqOrder()
    {
        // 120 entries share one timestamp: time-ordered keys would order them by hash, sequence keys keep the order.
        var types = Enumerable.Range(0, 120).Select(i => $"Event{(i * 37) % 120:D3}").ToList();
        foreach (var type in types)
        {
            await Trail.AppendAsync(Entry("inst-tick", type, T0));
        }

        var rows = await Store.QueryAllAsync(Options.TrailTable, TableStoreQuery.Partition("inst-tick")).ToListAsync();
        var entries = rows.Where(r => r.GetString("EventType") is not null).ToList();

        Assert.Equal(types, entries.Select(r => r.GetString("EventType")));
        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), entries.Select(r => r.GetInt64("Seq")!.Value));
        Assert.Equal(entries.Count, rows.TakeWhile(r => r.GetString("EventType") is not null).Count());
        Assert.Equal(types, (await ReadAsync("inst-tick")).Select(r => r.Entry.EventType));
        Assert.True((await Trail.VerifyTrailAsync("inst-tick")).IsIntact);
    }

    [StoreFact]
    public async Task AppendAsync_DetailsLongerThanOneProperty_StoredWholeOverSeveralProperties()
    {
        var details = "{\"purpose\":\"" + new string('p', 100_000) + "\"}";

        Assert.True(await Trail.AppendAsync(Entry("inst-big", "WorkflowStarted", T0) with { DetailsJson = details }));

        var record = Assert.Single(await ReadAsync("inst-big"));
        Assert.Equal(details, record.Entry.DetailsJson);
        var row = (await Store.GetAsync(Options.TrailTable, "inst-big", record.RowKey))!;
        Assert.Equal(4, row.GetInt32("DetailsChunks"));
        Assert.True((await Trail.VerifyTrailAsync("inst-big")).IsIntact);
        Assert.False(await Trail.AppendAsync(Entry("inst-big", "WorkflowStarted", T0) with { DetailsJson = details }));
    }

    [StoreFact]
    public async Task AppendAsync_AuditStepBeforeWorkflowEvents_TakesTheNextSequenceNumber()
    {
        await Trail.AppendAsync(Entry("inst-1", "WorkflowStarted", T0));
        await Trail.AppendAsync(Entry("inst-1", "expense.submitted", T0, step: "record"));
        await Trail.AppendAsync(Entry("inst-1", "StepCompleted", T0, step: "record"));

        var read = await ReadAsync("inst-1");

        Assert.Equal(["WorkflowStarted", "expense.submitted", "StepCompleted"], read.Select(r => r.Entry.EventType));
        Assert.Equal([1L, 2L, 3L], read.Select(r => r.Sequence));
    }
}
