using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// The durable store over one SQLite file in WAL mode. Every write goes through one <see cref="SqliteWriter"/>
/// (group commit); reads use pooled connections, which WAL lets run beside the writer. Several processes may
/// share the file: the write lock is taken per batch with a busy timeout, and instance and activity leases
/// decide who works on what. Each worker holds a lock file beside the database while it runs
/// (<see cref="OwnerLockFiles"/>), so the leases of a process that died are taken over at once.
/// </summary>
public sealed partial class SqliteRuntimeStore : IRuntimeStore
{
    private readonly SqliteStoreOptions _options;
    private readonly ILogger _logger;
    private readonly string _connectionString;
    private readonly OwnerLockFiles _ownerLocks;
    private SqliteWriter? _writer;
    private bool _disposed;

    /// <summary>Creates the store; call <see cref="InitializeAsync"/> before anything else.</summary>
    /// <param name="options">The file and durability settings.</param>
    /// <param name="logger">Where writer failures are logged.</param>
    public SqliteRuntimeStore(SqliteStoreOptions options, ILogger<SqliteRuntimeStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        _options = options;
        _logger = logger ?? NullLogger<SqliteRuntimeStore>.Instance;
        _ownerLocks = new OwnerLockFiles(Path.GetFullPath(options.DatabasePath));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is not null)
        {
            return;
        }

        // The writer keeps its own connection for the store's lifetime, outside the read pool.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        try
        {
            await CreateSchemaAsync(connection, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _writer = new SqliteWriter(connection, _options.MaxBatchSize, _logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }

        // Closes idle read connections so the file can be moved or deleted once the store is gone.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var synchronous = _options.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL";
        await using var command = connection.CreateCommand();

        // journal_mode is stored in the file; the others belong to this (the writer's) connection. A 16 MiB page
        // cache keeps the hot index pages of a busy store in memory across batches.
        command.CommandText = $"""
            PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds};
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = {synchronous};
            PRAGMA cache_size = -16384;
            {SqliteSchema.Create}
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var (table, column, definition) in SqliteSchema.AddedColumns)
        {
            // A file created by an earlier version: add the column (ALTER TABLE has no IF NOT EXISTS).
            command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                command.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
                {
                    // Another process on the same file added it first.
                }
            }
        }
    }

    private SqliteWriter Writer => _disposed
        ? throw new ObjectDisposedException(nameof(SqliteRuntimeStore))
        : _writer ?? throw new InvalidOperationException("Call InitializeAsync before using the store.");

    private Task<T> WriteAsync<T>(Func<SqliteCommandCache, T> work, CancellationToken cancellationToken) =>
        Writer.WriteAsync(work, cancellationToken);

    private async Task<SqliteConnection> OpenReadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
