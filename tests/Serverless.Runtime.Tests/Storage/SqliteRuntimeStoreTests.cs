using Serverless.Durable;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Runtime.Tests.Storage;

/// <summary>The contract on a real SQLite file, plus what only a file can show: durability, sharing, group commit.</summary>
public sealed class SqliteRuntimeStoreTests : RuntimeStoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sqlite-store-").FullName;

    private string DatabasePath => Path.Combine(_folder, "runtime.db");

    protected override IRuntimeStore CreateStore() => OpenStore();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task InitializeAsync_Reopened_KeepsEverythingCommitted()
    {
        var start = await CreateAndAcquireAsync("a");
        var commit = await Store.CommitOrchestrationAsync(
            Commit("a") with { ConsumedMessageIds = [start], NewHistory = [Scheduled(0)], NewActivities = [new(0, "Activity", "1")] }, None);
        await Store.DisposeAsync();

        await using var reopened = OpenStore();
        await reopened.InitializeAsync(None);

        Assert.Equal(Commit("a").Instance, await reopened.GetInstanceAsync("a", None));
        Assert.Equal([Scheduled(0)], await reopened.GetHistoryAsync("a", None));
        Assert.Empty(await reopened.GetVisibleMessagesAsync("a", Now, 10, None));
        Assert.Equal(commit.Activities[0].Id, (await reopened.LeaseActivitiesAsync(OtherOwner, Now.AddHours(1), Now.AddHours(2), 10, None)).Single().Id);
        Assert.False(await reopened.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));
    }

    [Fact]
    public async Task InitializeAsync_FileFromBeforeTracing_AddsTheTraceColumnAndKeepsItsWork()
    {
        await Store.DisposeAsync();
        File.Delete(DatabasePath);
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE activities (id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, execution_id TEXT NOT NULL,
                    task_id INTEGER NOT NULL, name TEXT NOT NULL, input TEXT, lock_owner TEXT, locked_until INTEGER NOT NULL, dequeue_count INTEGER NOT NULL);
                INSERT INTO activities (instance_id, execution_id, task_id, name, input, locked_until, dequeue_count) VALUES ('a', 'exec-1', 0, 'Old', '1', 0, 1);
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using var upgraded = OpenStore();
        await upgraded.InitializeAsync(None);

        var leased = Assert.Single(await upgraded.LeaseActivitiesAsync(Owner, Now, Now.AddMinutes(1), 10, None));
        Assert.Equal("Old", leased.Name);
        Assert.Null(leased.TraceParent);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_SeeEachOthersWritesAndLeases()
    {
        await using var second = OpenStore();
        await second.InitializeAsync(None);

        await CreateAndAcquireAsync("a");
        await second.CreateInstanceAsync(Record("b"), StartMessage("b"), null, default, null, None);

        Assert.NotNull(await second.GetInstanceAsync("a", None));
        Assert.NotNull(await Store.GetInstanceAsync("b", None));
        Assert.False(await second.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));
        await Assert.ThrowsAsync<LeaseLostException>(() => second.CommitOrchestrationAsync(Commit("a", owner: OtherOwner), None));
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => second.CreateInstanceAsync(Record("a"), StartMessage("a"), null, default, null, None));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_WritingAtOnce_WaitForTheLockInsteadOfFailing()
    {
        await using var second = OpenStore();
        await second.InitializeAsync(None);

        var writes = Enumerable.Range(0, 400)
            .Select(i => (i % 2 == 0 ? Store : second).CreateInstanceAsync(Record($"w{i}"), StartMessage($"w{i}"), null, default, null, None));
        await Task.WhenAll(writes);

        Assert.Equal(400, (await second.QueryInstancesAsync(new InstanceFilter(), 1000, null, None)).Instances.Count);
        Assert.Equal(400, (await Store.FindReadyInstancesAsync(Owner, Now, 1000, None)).Count);
    }

    [Fact]
    public async Task CommitOrchestrationAsync_ManyConcurrentWithTwoRefused_OnlyThoseRollBack()
    {
        const int count = 200;
        var starts = new long[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = await CreateAndAcquireAsync($"i{i}");
        }

        await Store.ReleaseInstanceAsync("i33", Owner, None);
        var commits = Enumerable.Range(0, count)
            .Select(i => Store.CommitOrchestrationAsync(
                Commit($"i{i}") with
                {
                    // i77 deletes its start message, then finds a consumed message missing: its savepoint must undo the delete.
                    ConsumedMessageIds = i == 77 ? [starts[i], long.MaxValue] : [starts[i]],
                    NewHistory = [Scheduled(i)],
                    NewActivities = [new(i, "Activity", null)],
                },
                None))
            .ToList();
        var errors = await Task.WhenAll(commits.Select(c => Xunit.Record.ExceptionAsync(() => c)));

        Assert.Equal([33, 77], errors.Select((e, i) => (e, i)).Where(x => x.e is not null).Select(x => x.i));
        Assert.All(errors.Where(e => e is not null), e => Assert.IsType<LeaseLostException>(e));
        foreach (var refused in new[] { "i33", "i77" })
        {
            Assert.Empty(await Store.GetHistoryAsync(refused, None));
            Assert.Single(await Store.GetVisibleMessagesAsync(refused, Now, 10, None));
        }

        Assert.Equal([Scheduled(76)], await Store.GetHistoryAsync("i76", None));
        Assert.Equal([Scheduled(78)], await Store.GetHistoryAsync("i78", None));
        Assert.Empty(await Store.GetVisibleMessagesAsync("i78", Now, 10, None));
        Assert.Equal(count - 2, (await Store.LeaseActivitiesAsync(OtherOwner, Now.AddHours(1), Now.AddHours(2), 1000, None)).Count);
    }

    [Fact]
    public async Task CreateInstanceAsync_ManyConcurrentWithDuplicates_OnlyDuplicatesFail()
    {
        var creates = Enumerable.Range(0, 100)
            .Select(i => Store.CreateInstanceAsync(Record($"c{i % 90}"), StartMessage($"c{i % 90}"), null, default, null, None))
            .ToList();
        var errors = await Task.WhenAll(creates.Select(c => Xunit.Record.ExceptionAsync(() => c)));

        Assert.Equal(10, errors.Count(e => e is OrchestrationAlreadyExistsException));
        Assert.Equal(90, errors.Count(e => e is null));
        var page = await Store.QueryInstancesAsync(new InstanceFilter(), 1000, null, None);
        Assert.Equal(90, page.Instances.Count);
        Assert.Equal(90, (await Store.FindReadyInstancesAsync(Owner, Now, 1000, None)).Count);
    }

    [Fact]
    public async Task Options_FullSynchronous_StoresAndReadsBack()
    {
        await using var full = new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = DatabasePath, Synchronous = SqliteSynchronous.Full });
        await full.InitializeAsync(None);

        await full.CreateInstanceAsync(Record("a"), StartMessage("a"), null, default, null, None);

        Assert.Equal(Record("a"), await Store.GetInstanceAsync("a", None));
    }

    [Fact]
    public async Task ReclaimDeadOwnersAsync_OwnerProcessKilled_FreesItsLeases()
    {
        // A separate process holds the owner's lock file, as a running worker does, until kill -9 ends it. --no-fork keeps
        // the lock in that one process (no child inherits it), so its exit is the moment the lock goes.
        await CreateAndAcquireAsync("a");
        var lockFile = new OwnerLockFiles(DatabasePath).PathOf(Owner);
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        await File.WriteAllTextAsync(lockFile, Owner);
        var start = new System.Diagnostics.ProcessStartInfo("flock", ["--exclusive", "--no-fork", lockFile, "sh", "-c", "echo locked; exec sleep 300"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var holder = System.Diagnostics.Process.Start(start)!;
        try
        {
            Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync().WaitAsync(RuntimeHarness.WaitLimit));

            Assert.Empty(await Store.ReclaimDeadOwnersAsync(None));
            Assert.False(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));

            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync().WaitAsync(RuntimeHarness.WaitLimit);

            Assert.Equal([Owner], await Store.ReclaimDeadOwnersAsync(None));
            Assert.True(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));
            Assert.False(File.Exists(lockFile));
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task ReclaimDeadOwnersAsync_OwnerInAnotherStoreOnTheFile_IsAliveUntilItsHandleCloses()
    {
        await using var other = OpenStore();
        await other.InitializeAsync(None);
        var registration = await other.RegisterOwnerAsync(Owner, None);
        await CreateAndAcquireAsync("a");

        Assert.Empty(await Store.ReclaimDeadOwnersAsync(None));

        await registration.DisposeAsync();

        Assert.Equal([Owner], await Store.ReclaimDeadOwnersAsync(None));
        Assert.True(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));
    }

    [Fact]
    public async Task FindReadyInstancesAsync_QueryPlan_SearchesVisibleMessagesOnlyNotEveryWaitingInstance()
    {
        await CreateAndAcquireAsync("a");
        await Store.EnqueueMessageAsync(EventMessage("a", "deadline", Now.AddDays(3)), requireActive: true, None);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + SqliteRuntimeStore.FindReadySql;
        explain.Parameters.AddWithValue("$now", Now.UtcTicks);
        explain.Parameters.AddWithValue("$owner", Owner);
        explain.Parameters.AddWithValue("$max", 10);

        var steps = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
        }

        Assert.Contains(steps, s => s.StartsWith("SEARCH m USING INDEX ix_messages_visible", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.StartsWith("SCAN ", StringComparison.Ordinal));
    }

    private SqliteRuntimeStore OpenStore() => new(new SqliteStoreOptions { DatabasePath = DatabasePath });
}
