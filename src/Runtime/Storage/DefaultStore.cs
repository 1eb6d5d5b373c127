using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Runtime.Storage;

/// <summary>The store used when none is configured: SQLite, one file per task hub in the data folder.</summary>
internal static class DefaultStore
{
    public static IRuntimeStore Create(DurableRuntimeOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return new SqliteRuntimeStore(
            new SqliteStoreOptions { DatabasePath = Path.Combine(options.DataDirectory, $"{options.HubName}.db") },
            Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<SqliteRuntimeStore>(options.LoggerFactory));
    }
}
