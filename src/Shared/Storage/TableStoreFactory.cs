namespace Serverless.Storage;

/// <summary>Chooses the table store: Azure Tables when a storage connection string is configured, else SQLite.</summary>
public static class TableStoreFactory
{
    /// <summary>Creates the configured store.</summary>
    /// <param name="storageConnectionString">E.g. the <c>AzureWebJobsStorage</c> setting; null or empty selects SQLite.</param>
    /// <param name="sqlitePath">The SQLite file used when there is no connection string.</param>
    /// <param name="time">The clock for SQLite entity timestamps.</param>
    /// <returns>The store.</returns>
    public static ITableStore Create(string? storageConnectionString, string sqlitePath, TimeProvider? time = null) =>
        string.IsNullOrWhiteSpace(storageConnectionString)
            ? new SqliteTableStore(sqlitePath, time)
            : new AzureTableStore(storageConnectionString);
}
