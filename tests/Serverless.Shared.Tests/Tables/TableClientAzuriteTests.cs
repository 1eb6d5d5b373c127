using Azure;
using Serverless.Tables;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Tables;

/// <summary>The Table client against a real Azurite: protocol details the store contract does not reach.</summary>
public sealed class TableClientAzuriteTests : IAsyncLifetime
{
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        if (AzuriteEnvironment.SkipReason is not null)
        {
            return;
        }

        _table = AzuriteEnvironment.CreateServiceClient().GetTableClient(AzuriteEnvironment.UniqueTableName("client"));
        await _table.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        if (_table is not null)
        {
            await _table.DeleteAsync();
        }
    }

    [AzuriteFact]
    public async Task CreateIfNotExistsAsync_TableExists_ReturnsFalse()
    {
        Assert.False(await _table.CreateIfNotExistsAsync());
    }

    [AzuriteFact]
    public async Task GetEntityAsync_KeysWithQuotesSpacesAndUnicode_RoundTrips()
    {
        var entity = new TableEntity("o'brien & co %20", "row 'ü' ✓ (1)") { ["Name"] = "x" };

        await _table.AddEntityAsync(entity);
        var read = (await _table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey)).Value;

        Assert.Equal(entity.PartitionKey, read.PartitionKey);
        Assert.Equal(entity.RowKey, read.RowKey);
        Assert.Equal("x", read.GetString("Name"));
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [AzuriteFact]
    public async Task GetEntityAsync_Missing_Throws404ResourceNotFound()
    {
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => _table.GetEntityAsync<TableEntity>("p", "missing"));

        Assert.Equal(404, e.Status);
        Assert.Equal(TableErrorCodes.ResourceNotFound, e.ErrorCode);
    }

    [AzuriteFact]
    public async Task GetEntityIfExistsAsync_Missing_HasNoValue()
    {
        var result = await _table.GetEntityIfExistsAsync<TableEntity>("p", "missing");

        Assert.False(result.HasValue);
    }

    [AzuriteFact]
    public async Task QueryAsync_SelectAndFilter_ReturnsOnlyMatchingRowsAndSelectedProperties()
    {
        await _table.AddEntityAsync(new TableEntity("p", "1") { ["Who"] = "it's", ["Other"] = 1 });
        await _table.AddEntityAsync(new TableEntity("p", "2") { ["Who"] = "its", ["Other"] = 2 });

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and Who eq {"it's"}");
        var rows = await _table.QueryAsync<TableEntity>(filter, select: ["Who"]).ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal("1", row.RowKey);
        Assert.Equal("it's", row.GetString("Who"));
        Assert.False(row.ContainsKey("Other"));
    }

    [AzuriteFact]
    public async Task QueryAsync_1050Rows_FollowsContinuationAcrossPagesAndResumesFromAToken()
    {
        for (var start = 0; start < 1050; start += 100)
        {
            await _table.SubmitTransactionAsync(Enumerable.Range(start, Math.Min(100, 1050 - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("big", i.ToString("D4")))));
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"big"}");
        var all = await _table.QueryAsync<TableEntity>(filter).ToListAsync();
        Page<TableEntity>? first = null;
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: 400).AsPages())
        {
            first = page;
            break;
        }

        var rest = new List<TableEntity>();
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: 400).AsPages(first!.ContinuationToken))
        {
            rest.AddRange(page.Values);
        }

        Assert.Equal(Enumerable.Range(0, 1050).Select(i => i.ToString("D4")), all.Select(e => e.RowKey));
        Assert.Equal(400, first.Values.Count);
        Assert.Equal(650, rest.Count);
        Assert.Equal("0400", rest[0].RowKey);
    }

    [AzuriteFact]
    public async Task SubmitTransactionAsync_ThirdActionConflicts_ReportsIndexAndWritesNothing()
    {
        await _table.AddEntityAsync(new TableEntity("p", "c"));
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "b")),
            new(TableTransactionActionType.Add, new TableEntity("p", "c")),
        ];

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(actions));

        Assert.Equal(2, e.FailedTransactionActionIndex);
        Assert.Equal(409, e.Status);
        Assert.Equal(TableErrorCodes.EntityAlreadyExists, e.ErrorCode);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("p", "a")).HasValue);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("p", "b")).HasValue);
    }

    [AzuriteFact]
    public async Task SubmitTransactionAsync_MixedActions_AppliesAll()
    {
        await _table.AddEntityAsync(new TableEntity("p", "gone"));
        await _table.AddEntityAsync(new TableEntity("p", "kept") { ["A"] = 1 });
        var kept = (await _table.GetEntityAsync<TableEntity>("p", "kept")).Value;
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new 'one'") { ["V"] = 1L }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "gone")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "kept") { ["B"] = 2 }, kept.ETag),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "fresh") { ["C"] = "c" }),
        ];

        var statuses = await _table.SubmitTransactionAsync(actions);

        Assert.Equal(4, statuses.Count);
        Assert.Equal(1L, (await _table.GetEntityAsync<TableEntity>("p", "new 'one'")).Value.GetInt64("V"));
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("p", "gone")).HasValue);
        var merged = (await _table.GetEntityAsync<TableEntity>("p", "kept")).Value;
        Assert.Equal((1, 2), (merged.GetInt32("A"), merged.GetInt32("B")));
        Assert.Equal("c", (await _table.GetEntityAsync<TableEntity>("p", "fresh")).Value.GetString("C"));
    }

    [AzuriteFact]
    public async Task GetEntityAsync_TypedEntity_MapsEveryPropertyType()
    {
        var order = new OrderEntity
        {
            PartitionKey = "orders",
            RowKey = "42",
            Customer = "Zoë",
            Quantity = 3,
            Total = 12.0,
            Sequence = long.MaxValue,
            PlacedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567),
            Id = Guid.NewGuid(),
            Payload = [0, 1, 255],
            Paid = true,
            State = OrderState.Shipped,
            Note = null,
        };

        await _table.AddEntityAsync(order);
        var read = (await _table.GetEntityAsync<OrderEntity>("orders", "42")).Value;

        Assert.Equal(order with { Timestamp = read.Timestamp, ETag = read.ETag }, read);
    }
}

public enum OrderState
{
    Placed,
    Shipped,
}

public sealed record OrderEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string? Customer { get; set; }
    public int Quantity { get; set; }
    public double Total { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public Guid Id { get; set; }
    public byte[] Payload { get; set; } = [];
    public bool Paid { get; set; }
    public OrderState State { get; set; }
    public string? Note { get; set; }

    public bool Equals(OrderEntity? other) => other is not null
        && (PartitionKey, RowKey, Timestamp, ETag, Customer, Quantity, Total, Sequence, PlacedAt, Id, Paid, State, Note)
            == (other.PartitionKey, other.RowKey, other.Timestamp, other.ETag, other.Customer, other.Quantity, other.Total, other.Sequence, other.PlacedAt, other.Id, other.Paid, other.State, other.Note)
        && Payload.AsSpan().SequenceEqual(other.Payload);

    public override int GetHashCode() => HashCode.Combine(PartitionKey, RowKey);
}
