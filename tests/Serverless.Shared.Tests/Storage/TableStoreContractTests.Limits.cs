using Azure.Data.Tables;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Storage;

/// <summary>Every Table limit is checked before the service sees the request: the same precise refusal on both stores, nothing written.</summary>
public abstract partial class TableStoreContractTests
{
    [StoreFact]
    public async Task SubmitTransactionAsync_101Actions_ThrowsArgumentExceptionAndWritesNothing()
    {
        var actions = Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("many", i.ToString("D3"))))
            .ToList();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(Table, actions));

        Assert.Contains("1 to 100 actions; got 101", e.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.QueryAllAsync(Table, new TableStoreQuery()).ToListAsync());
    }

    [StoreFact]
    public async Task SubmitTransactionAsync_BodyOver4MiB_ThrowsArgumentExceptionAndWritesNothing()
    {
        // 100 entities of ~60 KB of JSON each: every entity is valid, the batch body is ~6 MB.
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("big", i.ToString("D3"))
            {
                ["A"] = new string('a', TableLimits.MaxStringChars - 10),
                ["B"] = new string('b', TableLimits.MaxStringChars - 10),
            }))
            .ToList();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(Table, actions));

        Assert.Contains("4 MiB", e.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.QueryAllAsync(Table, new TableStoreQuery()).ToListAsync());
    }

    [StoreFact]
    public async Task SubmitTransactionAsync_LargeEntitiesUnder4MiB_Succeeds()
    {
        var actions = Enumerable.Range(0, 50)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("large", i.ToString("D3"))
            {
                ["A"] = new string('a', TableLimits.MaxStringChars),
            }))
            .ToList();

        await Store.SubmitTransactionAsync(Table, actions);

        var rows = await Store.QueryAllAsync(Table, TableStoreQuery.Partition("large")).ToListAsync();
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r => Assert.Equal(TableLimits.MaxStringChars, r.GetString("A").Length));
    }

    [StoreFact]
    public async Task AddAsync_StringOver64KiB_ThrowsArgumentExceptionAndStoresNothing()
    {
        var entity = new TableEntity("p", "r") { ["Text"] = new string('x', TableLimits.MaxStringChars + 1) };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAsync(Table, entity));

        Assert.Contains("'Text'", e.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Table, "p", "r"));
    }

    [StoreFact]
    public async Task AddAsync_EntityOver1MiB_ThrowsArgumentExceptionAndStoresNothing()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++)
        {
            entity["P" + i] = new string('x', TableLimits.MaxStringChars);
        }

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAsync(Table, entity));

        Assert.Contains("1 MiB", e.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Table, "p", "r"));
    }

    [StoreFact]
    public async Task UpsertAsync_KeyCharactersTheServiceRejects_ThrowArgumentExceptionNamingTheKey()
    {
        foreach (var (pk, rk, param) in new[]
        {
            ("a#b", "r", "PartitionKey"), ("p", "a?b", "RowKey"), ("p", "a\\b", "RowKey"), ("p", "a\tb", "RowKey"),
            ("p", "a\u007fb", "RowKey"), (new string('k', TableLimits.MaxKeyChars + 1), "r", "PartitionKey"),
        })
        {
            var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertAsync(Table, new TableEntity(pk, rk) { ["V"] = 1 }));
            Assert.Equal(param, e.ParamName);
        }

        Assert.Empty(await Store.QueryAllAsync(Table, new TableStoreQuery()).ToListAsync());
    }

    [StoreFact]
    public async Task AddAsync_NonFiniteDouble_ThrowsArgumentExceptionAndStoresNothing()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAsync(Table, new TableEntity("p", "r") { ["D"] = double.NaN }));

        Assert.Contains("'D'", e.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Table, "p", "r"));
    }
}
