using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Serverless.Runtime.History;

namespace Serverless.Runtime.Storage.Sqlite;

/// <content>Reads: each is one statement on a pooled connection, so it sees one committed snapshot.</content>
public sealed partial class SqliteRuntimeStore
{
    /// <inheritdoc />
    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteInstanceRows.Columns} FROM instances WHERE instance_id = $id";
        command.With("$id", instanceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteInstanceRows.Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var after = InstancePageToken.Parse(continuationToken);
        await using var connection = await OpenReadAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {SqliteInstanceRows.Columns} FROM instances WHERE 1 = 1");
        if (filter.CreatedFrom is { } from)
        {
            sql.Append(" AND created_at >= $from");
            command.With("$from", SqliteValues.Ticks(from));
        }

        if (filter.CreatedTo is { } to)
        {
            sql.Append(" AND created_at <= $to");
            command.With("$to", SqliteValues.Ticks(to));
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            // Enum values are integers we produce, never user text.
            sql.Append(" AND status IN (")
               .AppendJoin(", ", statuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)))
               .Append(')');
        }

        if (filter.InstanceIdPrefix is { } prefix)
        {
            sql.Append(" AND substr(instance_id, 1, length($prefix)) = $prefix");
            command.With("$prefix", prefix);
        }

        if (after is { } position)
        {
            sql.Append(" AND (created_at > $after_ticks OR (created_at = $after_ticks AND instance_id > $after_id))");
            command.With("$after_ticks", position.CreatedTicks).With("$after_id", position.InstanceId);
        }

        sql.Append(" ORDER BY created_at, instance_id LIMIT $limit");
        command.With("$limit", (long)pageSize + 1);
        command.CommandText = sql.ToString();

        var page = new List<InstanceRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(SqliteInstanceRows.Read(reader));
        }

        var hasMore = page.Count > pageSize;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        return new InstancePage(page, hasMore ? InstancePageToken.Format(page[^1]) : null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM history WHERE instance_id = $id ORDER BY seq";
        command.With("$id", instanceId);
        var history = new List<HistoryEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(HistoryJson.Deserialize(reader.GetString(0)));
        }

        return history;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InstanceMessage>> GetVisibleMessagesAsync(string instanceId, DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, execution_id, visible_at, json FROM messages
            WHERE instance_id = $id AND visible_at <= $now ORDER BY id LIMIT $max
            """;
        command.With("$id", instanceId).With("$now", SqliteValues.Ticks(now)).WithLimit(maxCount);
        var messages = new List<InstanceMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new InstanceMessage(
                reader.GetInt64(0), instanceId, reader.Text(1), HistoryJson.Deserialize(reader.GetString(3)), SqliteValues.Time(reader.GetInt64(2))));
        }

        return messages;
    }
}
