namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>How durable each SQLite commit is (the <c>synchronous</c> pragma; the journal is always WAL).</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// Commits survive a crash of the process (the OS holds the WAL pages) but the last few may be lost
    /// on power loss or an OS crash. The database never corrupts. Much faster: no fsync per commit.
    /// </summary>
    Normal = 1,

    /// <summary>Every commit is fsynced to the WAL before it is acknowledged: it survives power loss too.</summary>
    Full = 2,
}

/// <summary>Settings of <see cref="SqliteRuntimeStore"/>.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The database file; created when missing. Several processes may share it.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Durability of a commit; <see cref="SqliteSynchronous.Normal"/> by default.</summary>
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Normal;

    /// <summary>How long a connection waits for another process's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most write requests the writer folds into one transaction.</summary>
    public int MaxBatchSize { get; init; } = 1000;
}
