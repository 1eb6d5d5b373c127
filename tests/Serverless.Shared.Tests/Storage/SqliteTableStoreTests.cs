using Serverless.Storage;

namespace Serverless.Tests.Storage;

/// <summary>The contract against a real SQLite file in a fresh temp folder.</summary>
public sealed class SqliteTableStoreTests : TableStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "serverless-tables-" + Guid.NewGuid().ToString("N"));

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(new SqliteTableStore(Path.Combine(_folder, "tables.db")));

    [Fact]
    public void Constructor_NewFile_UsesWriteAheadLogging()
    {
        _ = new SqliteTableStore(Path.Combine(_folder, "wal.db"));

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, "wal.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }
}
