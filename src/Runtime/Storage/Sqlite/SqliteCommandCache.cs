using Microsoft.Data.Sqlite;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// The writer connection's commands, one per SQL text, kept prepared for the life of the store so the hot
/// statements are compiled once. Used only by the writer loop (single-threaded).
/// </summary>
internal sealed class SqliteCommandCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The connection the commands run on.</summary>
    public SqliteConnection Connection { get; } = connection;

    /// <summary>The prepared command for <paramref name="sql"/>, with its parameters cleared.</summary>
    public SqliteCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>Runs a statement without parameters.</summary>
    public void Execute(string sql) => Get(sql).ExecuteNonQuery();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
