using Azure.Data.Tables;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Storage;

public abstract partial class TableStoreContractTests
{
    [StoreFact]
    public async Task QueryAsync_MoreThan1000Rows_FollowsContinuationInKeyOrder()
    {
        const int Count = 1050;
        for (var start = 0; start < Count; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, Count - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("big", i.ToString("D5")) { ["I"] = i }))
                .ToList();
            await Store.SubmitTransactionAsync(Table, actions);
        }

        var first = await Store.QueryAsync(Table, TableStoreQuery.Partition("big"));
        var all = await Store.QueryAllAsync(Table, TableStoreQuery.Partition("big")).ToListAsync();

        Assert.InRange(first.Items.Count, 1, 1000);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(Enumerable.Range(0, Count), all.Select(e => e.GetInt32("I")!.Value));
    }

    [StoreFact]
    public async Task QueryAsync_SmallPages_ResumeFromTokenWithoutGapsOrRepeats()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.AddAsync(Table, new TableEntity("pg", $"r{i}"));
        }

        var keys = new List<string>();
        var query = TableStoreQuery.Partition("pg") with { PageSize = 3 };
        var pages = 0;
        do
        {
            var page = await Store.QueryAsync(Table, query);
            Assert.True(page.Items.Count <= 3);
            keys.AddRange(page.Items.Select(e => e.RowKey));
            query = query with { ContinuationToken = page.ContinuationToken };
            pages++;
        }
        while (query.ContinuationToken is not null);

        Assert.Equal(["r0", "r1", "r2", "r3", "r4", "r5", "r6"], keys);
        Assert.InRange(pages, 3, 4);
    }

    [StoreFact]
    public async Task QueryAsync_ValuesWithQuotes_MatchExactlyTheQuotedValue()
    {
        await Store.AddAsync(Table, new TableEntity("q'1", "a") { ["Name"] = "O'Brien" });
        await Store.AddAsync(Table, new TableEntity("q'1", "b") { ["Name"] = "O''Brien" });
        await Store.AddAsync(Table, new TableEntity("q'1", "c") { ["Name"] = "' or '1' eq '1" });
        await Store.AddAsync(Table, new TableEntity("q''1", "d") { ["Name"] = "O'Brien" });

        var obrien = await Store.QueryAllAsync(Table, TableStoreQuery.Partition("q'1", TableCondition.Equal("Name", "O'Brien"))).ToListAsync();
        var injection = await Store.QueryAllAsync(Table, TableStoreQuery.Partition("q'1", TableCondition.Equal("Name", "' or '1' eq '1"))).ToListAsync();

        Assert.Equal("a", Assert.Single(obrien).RowKey);
        Assert.Equal("c", Assert.Single(injection).RowKey);
    }

    [StoreFact]
    public async Task QueryAsync_TypedRangeConditions_SelectTheRange()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await Store.AddAsync(Table, new TableEntity("typed", $"r{i}") { ["At"] = t0.AddDays(i), ["N"] = (long)i * 10 });
        }

        var before = await Store.QueryAllAsync(Table, TableStoreQuery.Partition("typed", TableCondition.LessThan("At", t0.AddDays(2)))).ToListAsync();
        var range = await Store.QueryAllAsync(Table, TableStoreQuery.Partition(
            "typed", TableCondition.GreaterThanOrEqual("N", 20L), new TableCondition("RowKey", TableComparison.LessThan, "r4"))).ToListAsync();

        Assert.Equal(["r0", "r1"], before.Select(e => e.RowKey));
        Assert.Equal(["r2", "r3"], range.Select(e => e.RowKey));
    }

    [StoreFact]
    public async Task QueryAsync_NoPartition_SpansPartitionsInKeyOrder()
    {
        await Store.AddAsync(Table, new TableEntity("b", "1"));
        await Store.AddAsync(Table, new TableEntity("a", "2"));
        await Store.AddAsync(Table, new TableEntity("a", "1"));

        var all = await Store.QueryAllAsync(Table, new TableStoreQuery { Where = [new TableCondition("PartitionKey", TableComparison.LessThan, "b")] }).ToListAsync();

        Assert.Equal(["a/1", "a/2"], all.Select(e => $"{e.PartitionKey}/{e.RowKey}"));
    }

    [StoreFact]
    public async Task QueryAsync_HostilePropertyName_ThrowsArgumentException()
    {
        var query = TableStoreQuery.Partition("p", TableCondition.Equal("A eq 1 or B", 1));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(Table, query));
    }
}
