using Azure;
using Microsoft.Data.Sqlite;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Serverless.Storage;

/// <summary>
/// The table-store port over one SQLite file (WAL): the embedded default when no storage connection string is
/// configured. It keeps the Table service's semantics (keys, ETags, merge/replace, 100-action atomic
/// transactions, error codes) so code written against it behaves the same on Azure.
/// </summary>
public sealed partial class SqliteTableStore : ITableStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    // Tables are created and never dropped, so once seen a table stays; a miss still asks the file.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _knownTables = new(StringComparer.Ordinal);

    /// <summary>Opens (creating if needed) the store in <paramref name="path"/>.</summary>
    /// <param name="path">The database file; its folder is created.</param>
    /// <param name="time">The clock for entity timestamps; <see cref="TimeProvider.System"/> when null.</param>
    public SqliteTableStore(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _time = time ?? TimeProvider.System;
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS tables (name TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS entities (
                tbl TEXT NOT NULL, pk TEXT NOT NULL, rk TEXT NOT NULL,
                etag TEXT NOT NULL, ts TEXT NOT NULL, props TEXT NOT NULL,
                PRIMARY KEY (tbl, pk, rk)) WITHOUT ROWID;
            """);
    }

    /// <inheritdoc />
    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        TableLimits.TableName(table);
        using var connection = Open();
        Execute(connection, "INSERT OR IGNORE INTO tables (name) VALUES ($name)", ("$name", table));
        _knownTables[table] = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ETag> AddAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        Task.FromResult(Single(table, new TableTransactionAction(TableTransactionActionType.Add, entity)));

    /// <inheritdoc />
    public Task<ETag> UpsertAsync(string table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        Task.FromResult(Single(table, new TableTransactionAction(
            mode == TableUpdateMode.Replace ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpsertMerge, entity)));

    /// <inheritdoc />
    public Task<ETag> UpdateAsync(string table, TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        TableLimits.IfMatch(ifMatch);
        return Task.FromResult(Single(table, new TableTransactionAction(
            mode == TableUpdateMode.Replace ? TableTransactionActionType.UpdateReplace : TableTransactionActionType.UpdateMerge, entity, ifMatch)));
    }

    /// <inheritdoc />
    public Task DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        try
        {
            Single(table, new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch));
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == TableErrorCode.ResourceNotFound)
        {
            // Like the service client: deleting what is already gone is not an error.
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableLimits.TableName(table);
        TableLimits.Key(partitionKey, nameof(partitionKey));
        TableLimits.Key(rowKey, nameof(rowKey));
        using var connection = Open();
        EnsureTable(connection, table);
        return Task.FromResult(Find(connection, null, table, partitionKey, rowKey));
    }

    /// <inheritdoc />
    public Task SubmitTransactionAsync(string table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableLimits.Batch(actions);
        Apply(table, actions, inTransaction: true);
        return Task.CompletedTask;
    }

    private ETag Single(string table, TableTransactionAction action) => Apply(table, [action], inTransaction: false)[0];

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // WAL + NORMAL: a commit survives a process crash; only an OS crash or power loss may lose the latest
        // commits, never consistency. FULL would fsync on every commit and cost ~5x on single writes.
        Execute(connection, "PRAGMA synchronous = NORMAL");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, null, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private void EnsureTable(SqliteConnection connection, string table, SqliteTransaction? transaction = null)
    {
        if (_knownTables.ContainsKey(table))
        {
            return;
        }

        using var command = Command(connection, transaction, "SELECT 1 FROM tables WHERE name = $name", ("$name", table));
        if (command.ExecuteScalar() is null)
        {
            throw new RequestFailedException(404, $"The table '{table}' does not exist.", TableErrorCode.TableNotFound.ToString(), null);
        }

        _knownTables[table] = true;
    }
}
