using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Runtime.Tests.Storage;

/// <summary>Opening, closing and cancelling a <see cref="SqliteRuntimeStore"/>.</summary>
public sealed class SqliteRuntimeStoreLifetimeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("sqlite-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task DisposeAsync_WritesQueued_CommitsThemBeforeClosing()
    {
        var store = await OpenAsync();
        var creates = Enumerable.Range(0, 300).Select(i => store.CreateInstanceAsync(Record($"i{i}"), Start($"i{i}"), null, default, null, CancellationToken.None)).ToList();

        await store.DisposeAsync();
        await Task.WhenAll(creates);

        await using var reopened = await OpenAsync();
        var page = await reopened.QueryInstancesAsync(new InstanceFilter(), 1000, null, CancellationToken.None);
        Assert.Equal(300, page.Instances.Count);
    }

    [Fact]
    public async Task WriteAfterDispose_ThrowsObjectDisposed()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CreateInstanceAsync(Record("a"), Start("a"), null, default, null, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetInstanceAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task CreateInstanceAsync_CancelledToken_CancelsAndWritesNothing()
    {
        await using var store = await OpenAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.CreateInstanceAsync(Record("a"), Start("a"), null, default, null, new CancellationToken(canceled: true)));

        Assert.Null(await store.GetInstanceAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task CreateInstanceAsync_BeforeInitialize_ThrowsInvalidOperation()
    {
        await using var store = new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "db.sqlite") });

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateInstanceAsync(Record("a"), Start("a"), null, default, null, CancellationToken.None));
    }

    private static InstanceRecord Record(string id) =>
        new() { InstanceId = id, Name = "Orchestrator", ExecutionId = "exec-1", CreatedAt = Now, LastUpdatedAt = Now };

    private static InstanceMessage Start(string id) =>
        new(0, id, "exec-1", new Serverless.Runtime.History.ExecutionStarted(Now.UtcDateTime, "Orchestrator", null, null, "exec-1"), Now);

    private async Task<SqliteRuntimeStore> OpenAsync()
    {
        var store = new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "db.sqlite") });
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
