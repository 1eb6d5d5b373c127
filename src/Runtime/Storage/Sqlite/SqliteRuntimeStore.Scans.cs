using Microsoft.Data.Sqlite;

namespace Serverless.Runtime.Storage.Sqlite;

/// <content>Recovery scans: ready instances, future messages, children.</content>
public sealed partial class SqliteRuntimeStore
{
    /// <summary>
    /// The ready-instance scan, driven by <c>ix_messages_visible</c> so a poll reads the visible messages only:
    /// without the hint SQLite walks every message by instance for the GROUP BY, i.e. every waiting instance's timer.
    /// </summary>
    internal const string FindReadySql = """
        SELECT m.instance_id FROM messages m INDEXED BY ix_messages_visible JOIN instances i ON i.instance_id = m.instance_id
        WHERE m.visible_at <= $now AND (i.lock_owner IS NULL OR i.lock_owner = $owner OR i.locked_until <= $now)
        GROUP BY m.instance_id ORDER BY MIN(m.id) LIMIT $max
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindReadyInstancesAsync(string owner, DateTimeOffset now, int maxCount, CancellationToken cancellationToken) =>
        ReadStringsAsync(
            FindReadySql,
            c => c.With("$now", SqliteValues.Ticks(now)).With("$owner", owner).WithLimit(maxCount),
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string InstanceId, DateTimeOffset DueAt)>> GetFutureMessagesAsync(
        DateTimeOffset after, DateTimeOffset until, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // A range of ix_messages_visible: the rows read are the timers in the range, not every waiting instance's.
        command.CommandText = """
            SELECT instance_id, visible_at FROM messages WHERE visible_at > $after AND visible_at <= $until
            ORDER BY visible_at, id LIMIT $max
            """;
        command.With("$after", SqliteValues.Ticks(after)).With("$until", SqliteValues.Ticks(until)).WithLimit(maxCount);
        var future = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            future.Add((reader.GetString(0), SqliteValues.Time(reader.GetInt64(1))));
        }

        return future;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetChildInstanceIdsAsync(string instanceId, CancellationToken cancellationToken) =>
        ReadStringsAsync(
            "SELECT instance_id FROM instances WHERE parent_instance_id = $id ORDER BY created_at, instance_id",
            c => c.With("$id", instanceId),
            cancellationToken);

    private async Task<IReadOnlyList<string>> ReadStringsAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
