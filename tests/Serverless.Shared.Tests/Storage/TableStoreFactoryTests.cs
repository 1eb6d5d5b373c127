using Serverless.Storage;

namespace Serverless.Tests.Storage;

public sealed class TableStoreFactoryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_NoConnectionString_UsesSqliteFileAtThePath(string? connectionString)
    {
        var folder = Path.Combine(Path.GetTempPath(), "serverless-factory-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = TableStoreFactory.Create(connectionString, Path.Combine(folder, "data", "tables.db"));

            Assert.IsType<SqliteTableStore>(store);
            Assert.True(File.Exists(Path.Combine(folder, "data", "tables.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Create_ConnectionString_UsesAzureTables()
    {
        var store = TableStoreFactory.Create("UseDevelopmentStorage=true", Path.Combine(Path.GetTempPath(), "unused.db"));

        Assert.IsType<AzureTableStore>(store);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "unused.db")));
    }

    [Fact]
    public void Create_MalformedConnectionString_ThrowsInsteadOfFallingBackToSqlite()
    {
        Assert.Throws<ArgumentException>(() => TableStoreFactory.Create("AccountName=x", Path.Combine(Path.GetTempPath(), "unused.db")));
    }
}
