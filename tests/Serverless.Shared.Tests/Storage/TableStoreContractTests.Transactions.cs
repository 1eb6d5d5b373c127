using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Storage;

public abstract partial class TableStoreContractTests
{
    [StoreFact]
    public async Task SubmitTransactionAsync_MixedActions_AppliesAllTogether()
    {
        await Store.AddAsync(Table, new TableEntity("tx", "del"));
        var etag = await Store.AddAsync(Table, new TableEntity("tx", "upd") { ["A"] = 1 });

        await Store.SubmitTransactionAsync(Table,
        [
            new(TableTransactionActionType.Add, new TableEntity("tx", "add") { ["A"] = 1 }),
            new(TableTransactionActionType.Delete, new TableEntity("tx", "del")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("tx", "upd") { ["B"] = 2 }, etag),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("tx", "ups") { ["C"] = 3 }),
        ]);

        var rows = await Store.QueryAllAsync(Table, TableStoreQuery.Partition("tx")).ToListAsync();
        Assert.Equal(["add", "upd", "ups"], rows.Select(r => r.RowKey));
        Assert.Equal((1, 2), (rows[1].GetInt32("A"), rows[1].GetInt32("B")));
    }

    [StoreFact]
    public async Task SubmitTransactionAsync_OneActionConflicts_WritesNothingAndNamesTheAction()
    {
        await Store.AddAsync(Table, new TableEntity("tx", "taken") { ["V"] = "original" });

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Store.SubmitTransactionAsync(Table,
        [
            new(TableTransactionActionType.Add, new TableEntity("tx", "a")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("tx", "b")),
            new(TableTransactionActionType.Add, new TableEntity("tx", "taken") { ["V"] = "new" }),
            new(TableTransactionActionType.Add, new TableEntity("tx", "c")),
        ]));

        Assert.Equal(2, e.FailedTransactionActionIndex);
        Assert.Equal(409, e.Status);
        Assert.Equal(TableErrorCode.EntityAlreadyExists, e.ErrorCode);
        var rows = await Store.QueryAllAsync(Table, TableStoreQuery.Partition("tx")).ToListAsync();
        Assert.Equal("taken", Assert.Single(rows).RowKey);
        Assert.Equal("original", rows[0].GetString("V"));
    }

    [StoreFact]
    public async Task SubmitTransactionAsync_StaleETag_Fails412AtThatAction()
    {
        var stale = await Store.AddAsync(Table, new TableEntity("tx", "v"));
        await Store.UpsertAsync(Table, new TableEntity("tx", "v") { ["X"] = 1 });

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Store.SubmitTransactionAsync(Table,
        [
            new(TableTransactionActionType.Add, new TableEntity("tx", "w")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("tx", "v"), stale),
        ]));

        Assert.Equal((412, 1), (e.Status, e.FailedTransactionActionIndex));
        Assert.Null(await Store.GetAsync(Table, "tx", "w"));
    }

    [StoreFact]
    public async Task SubmitTransactionAsync_TwoPartitions_ThrowsArgumentExceptionAndWritesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(Table,
        [
            new(TableTransactionActionType.Add, new TableEntity("one", "a")),
            new(TableTransactionActionType.Add, new TableEntity("two", "b")),
        ]));

        Assert.Empty(await Store.QueryAllAsync(Table, new TableStoreQuery()).ToListAsync());
    }

    [StoreFact]
    public async Task SubmitTransactionAsync_100Actions_Succeeds()
    {
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("hundred", i.ToString("D3"))))
            .ToList();

        await Store.SubmitTransactionAsync(Table, actions);

        Assert.Equal(100, (await Store.QueryAllAsync(Table, TableStoreQuery.Partition("hundred")).ToListAsync()).Count);
    }
}
