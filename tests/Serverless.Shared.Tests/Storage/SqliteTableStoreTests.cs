using Microsoft.Data.Sqlite;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Storage;

/// <summary>The contract against a real SQLite file in a fresh temp folder.</summary>
public sealed class SqliteTableStoreTests : TableStoreContractTests
{
    private readonly TempFolder _folder = new("tables");

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(new SqliteTableStore(_folder.File("tables.db")));

    [Fact]
    public void Constructor_NewFile_UsesWriteAheadLogging()
    {
        _ = new SqliteTableStore(_folder.File("wal.db"));

        using var connection = new SqliteConnection($"Data Source={_folder.File("wal.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }
}
