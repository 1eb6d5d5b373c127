using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Storage;

public sealed class TableStoreFactoryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_NoConnectionString_UsesSqliteFileAtThePath(string? connectionString)
    {
        using var folder = new TempFolder("factory");

        var store = TableStoreFactory.Create(connectionString, folder.File("data", "tables.db"));

        Assert.IsType<SqliteTableStore>(store);
        Assert.True(File.Exists(folder.File("data", "tables.db")));
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
