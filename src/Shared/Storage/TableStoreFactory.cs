namespace Serverless.Storage;

/// <summary>Chooses the table store: Azure Tables when a storage connection is configured, else SQLite.</summary>
public static class TableStoreFactory
{
    /// <summary>Creates the configured store.</summary>
    /// <param name="connection">From <see cref="TableStorageConnection.FromSettings"/>; null selects SQLite.</param>
    /// <param name="sqlitePath">The SQLite file used when there is no connection.</param>
    /// <param name="time">The clock for SQLite entity timestamps.</param>
    /// <returns>The store.</returns>
    public static ITableStore Create(TableStorageConnection? connection, string sqlitePath, TimeProvider? time = null) =>
        connection is null
            ? new SqliteTableStore(sqlitePath, time)
            : new AzureTableStore(connection.CreateServiceClient());
}
