using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Storage;

/// <summary>
/// One behaviour contract for every <see cref="ITableStore"/>: each concrete subclass runs all of it against a
/// real backend (SQLite in a temp folder, Azurite).
/// </summary>
public abstract partial class TableStoreContractTests : IAsyncLifetime
{
    protected ITableStore Store { get; private set; } = null!;

    protected string Table { get; } = "contract" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.CreateTableIfNotExistsAsync(Table);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<ITableStore> CreateStoreAsync();

    [StoreFact]
    public async Task AddAsync_ThenGetAsync_ReturnsEntityWithETagAndTimestamp()
    {
        var etag = await Store.AddAsync(Table, new TableEntity("p", "r") { ["Name"] = "first" });

        var read = await Store.GetAsync(Table, "p", "r");

        Assert.NotNull(read);
        Assert.Equal("first", read.GetString("Name"));
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [StoreFact]
    public async Task AddAsync_ExistingKeys_Throws409EntityAlreadyExistsAndKeepsOriginal()
    {
        await Store.AddAsync(Table, new TableEntity("p", "r") { ["V"] = 1 });

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Store.AddAsync(Table, new TableEntity("p", "r") { ["V"] = 2 }));

        Assert.Equal(409, e.Status);
        Assert.Equal(TableErrorCode.EntityAlreadyExists, e.ErrorCode);
        Assert.Equal(1, (await Store.GetAsync(Table, "p", "r"))!.GetInt32("V"));
    }

    [StoreFact]
    public async Task UpdateAsync_StaleETag_Throws412AndKeepsNewerVersion()
    {
        var first = await Store.AddAsync(Table, new TableEntity("p", "r") { ["V"] = 1 });
        var second = await Store.UpdateAsync(Table, new TableEntity("p", "r") { ["V"] = 2 }, first);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Store.UpdateAsync(Table, new TableEntity("p", "r") { ["V"] = 3 }, first));

        Assert.NotEqual(first, second);
        Assert.Equal(412, e.Status);
        Assert.Equal(TableErrorCode.UpdateConditionNotSatisfied, e.ErrorCode);
        Assert.Equal(2, (await Store.GetAsync(Table, "p", "r"))!.GetInt32("V"));
    }

    [StoreFact]
    public async Task UpdateAsync_MissingEntity_Throws404()
    {
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Store.UpdateAsync(Table, new TableEntity("p", "nope"), ETag.All));

        Assert.Equal(404, e.Status);
        Assert.Equal(TableErrorCode.ResourceNotFound, e.ErrorCode);
        Assert.Null(await Store.GetAsync(Table, "p", "nope"));
    }

    [StoreFact]
    public async Task UpsertAsync_Merge_KeepsOtherPropertiesAndReplace_DropsThem()
    {
        await Store.AddAsync(Table, new TableEntity("p", "m") { ["A"] = "a", ["B"] = "b" });
        await Store.AddAsync(Table, new TableEntity("p", "x") { ["A"] = "a", ["B"] = "b" });

        await Store.UpsertAsync(Table, new TableEntity("p", "m") { ["B"] = "B2" }, TableUpdateMode.Merge);
        await Store.UpsertAsync(Table, new TableEntity("p", "x") { ["B"] = "B2" }, TableUpdateMode.Replace);

        var merged = (await Store.GetAsync(Table, "p", "m"))!;
        var replaced = (await Store.GetAsync(Table, "p", "x"))!;
        Assert.Equal(("a", "B2"), (merged.GetString("A"), merged.GetString("B")));
        Assert.Equal((null, "B2"), (replaced.GetString("A"), replaced.GetString("B")));
    }

    [StoreFact]
    public async Task UpsertAsync_MissingEntity_Inserts()
    {
        await Store.UpsertAsync(Table, new TableEntity("p", "new") { ["A"] = 1 });

        Assert.Equal(1, (await Store.GetAsync(Table, "p", "new"))!.GetInt32("A"));
    }

    [StoreFact]
    public async Task DeleteAsync_StaleETag_Throws412AndCurrentETagDeletes()
    {
        var first = await Store.AddAsync(Table, new TableEntity("p", "d"));
        var second = await Store.UpsertAsync(Table, new TableEntity("p", "d") { ["V"] = 1 });

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Store.DeleteAsync(Table, "p", "d", first));
        Assert.Equal(412, e.Status);
        Assert.NotNull(await Store.GetAsync(Table, "p", "d"));

        await Store.DeleteAsync(Table, "p", "d", second);
        Assert.Null(await Store.GetAsync(Table, "p", "d"));
    }

    [StoreFact]
    public async Task DeleteAsync_MissingEntity_IsNotAnError()
    {
        await Store.DeleteAsync(Table, "p", "never-there");

        Assert.Null(await Store.GetAsync(Table, "p", "never-there"));
    }

    [StoreFact]
    public async Task AddAsync_UnknownTable_Throws404TableNotFound()
    {
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Store.AddAsync("nosuchtable" + Guid.NewGuid().ToString("N")[..8], new TableEntity("p", "r")));

        Assert.Equal(404, e.Status);
        Assert.Equal(TableErrorCode.TableNotFound, e.ErrorCode);
    }

    [StoreFact]
    public async Task AddAsync_InvalidKey_ThrowsArgumentExceptionAndStoresNothing()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAsync(Table, new TableEntity("p", "a/b")));

        Assert.Equal("RowKey", e.ParamName);
        Assert.Empty(await Store.QueryAllAsync(Table, new TableStoreQuery()).ToListAsync());
    }

    [StoreFact]
    public async Task GetAsync_KeysWithQuotesAndUnicode_RoundTrip()
    {
        var entity = new TableEntity("it's 'quoted'", "naïve ✓ % + & =") { ["V"] = 1 };

        await Store.AddAsync(Table, entity);

        var read = await Store.GetAsync(Table, entity.PartitionKey, entity.RowKey);
        Assert.Equal((entity.PartitionKey, entity.RowKey), (read!.PartitionKey, read.RowKey));
    }

    [StoreFact]
    public async Task GetAsync_EveryPropertyType_RoundTripsWithItsType()
    {
        var when = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("types", "all")
        {
            ["Text"] = "héllo \"world\" 'x'",
            ["Empty"] = string.Empty,
            ["Flag"] = true,
            ["Int"] = int.MinValue,
            ["Long"] = long.MaxValue,
            ["SmallLong"] = 5L,
            ["Double"] = 2.0,
            ["Fraction"] = -0.1,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        };

        await Store.AddAsync(Table, entity);
        var read = (await Store.GetAsync(Table, "types", "all"))!;

        Assert.Equal("héllo \"world\" 'x'", read["Text"]);
        Assert.Equal(string.Empty, read["Empty"]);
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(int.MinValue, read["Int"]);
        Assert.Equal(long.MaxValue, read["Long"]);
        Assert.Equal(5L, read["SmallLong"]);
        Assert.Equal(2.0, read["Double"]);
        Assert.Equal(-0.1, read["Fraction"]);
        Assert.Equal(when, read["When"]);
        Assert.Equal(id, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, read["Bytes"]);
    }
}
