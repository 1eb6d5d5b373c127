using Azure;
using Serverless.Tables;

namespace Serverless.Tests.Tables;

/// <summary>Bad input fails with a precise ArgumentException before any request is sent.</summary>
public sealed class TableValidationTests
{
    private readonly RecordingHandler _http = new();

    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a#b", "'#'")]
    [InlineData("a?b", "'?'")]
    [InlineData("a\u0001b", "U+0001")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\nb", "U+000A")]
    public async Task AddEntityAsync_ForbiddenCharacterInRowKey_ThrowsAndSendsNothing(string rowKey, string named)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().AddEntityAsync(new TableEntity("p", rowKey)));

        Assert.Equal("RowKey", e.ParamName);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task AddEntityAsync_PartitionKeyOver1KiB_ThrowsAndSendsNothing()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().AddEntityAsync(new TableEntity(new string('p', 513), "r")));

        Assert.Equal("PartitionKey", e.ParamName);
        Assert.Contains("513", e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task AddEntityAsync_StringPropertyOver64KiB_ThrowsNamingTheProperty()
    {
        var entity = new TableEntity("p", "r") { ["Big"] = new string('x', (32 * 1024) + 1) };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().AddEntityAsync(entity));

        Assert.Contains("'Big'", e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task AddEntityAsync_253Properties_Throws()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity["P" + i] = i;
        }

        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().UpsertEntityAsync(entity));

        Assert.Contains("253 properties", e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task AddEntityAsync_EntityOver1MiB_Throws()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++)
        {
            entity["B" + i] = new byte[64 * 1024];
        }

        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().AddEntityAsync(entity));

        Assert.Contains("1 MiB", e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Theory]
    [InlineData("Timestamp")]
    [InlineData("odata.etag")]
    [InlineData("9lives")]
    [InlineData("has space")]
    public async Task AddEntityAsync_BadPropertyName_Throws(string name)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().AddEntityAsync(new TableEntity("p", "r") { [name] = 1 }));

        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task AddEntityAsync_UnsupportedPropertyType_Throws()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().AddEntityAsync(new TableEntity("p", "r") { ["Price"] = 1.5m }));

        Assert.Contains("Decimal", e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task SubmitTransactionAsync_101Actions_Throws()
    {
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString("D3"))));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().SubmitTransactionAsync(actions));

        Assert.Contains("got 101", e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task SubmitTransactionAsync_MixedPartitions_ThrowsNamingTheAction()
    {
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p1", "a")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "b")),
        ];

        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().SubmitTransactionAsync(actions));

        Assert.Contains("Action 1 is in partition 'p2'", e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task SubmitTransactionAsync_SameEntityTwice_Throws()
    {
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "a")),
        ];

        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().SubmitTransactionAsync(actions));

        Assert.Contains("repeats row key 'a'", e.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task SubmitTransactionAsync_InvalidEntityInLaterAction_ThrowsAndSendsNothing()
    {
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Add, new TableEntity("p", "b#")),
        ];

        await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().SubmitTransactionAsync(actions));

        Assert.Empty(_http.Requests);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("my-table")]
    public void GetTableClient_InvalidTableName_Throws(string name)
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true", _http.Options());

        var e = Assert.Throws<ArgumentException>(() => service.GetTableClient(name));

        Assert.Equal("tableName", e.ParamName);
    }

    [Fact]
    public async Task UpdateEntityAsync_DefaultETag_Throws()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _http.Client().UpdateEntityAsync(new TableEntity("p", "r"), default));

        Assert.Equal("ifMatch", e.ParamName);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public void QueryAsync_PageSizeOver1000_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _http.Client().QueryAsync<TableEntity>(maxPerPage: 1001));
    }
}
