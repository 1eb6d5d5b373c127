using Microsoft.DurableTask.Client;
using Serverless.Durable;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>Statements several write requests share; they run on the writer connection inside its transaction.</summary>
internal static class SqliteWrites
{
    /// <summary>The instance's status, or null when it does not exist.</summary>
    public static OrchestrationRuntimeStatus? StatusOf(SqliteCommandCache commands, string instanceId) =>
        commands.Get("SELECT status FROM instances WHERE instance_id = $id").With("$id", instanceId).ExecuteScalar() is long status
            ? (OrchestrationRuntimeStatus)status
            : null;

    /// <summary>Inserts a message when its instance exists; returns it with its id, or null when dropped.</summary>
    public static InstanceMessage? InsertMessage(SqliteCommandCache commands, SqliteMessage prepared)
    {
        var message = prepared.Message;
        var id = commands.Get("""
                INSERT INTO messages (instance_id, execution_id, visible_at, json)
                SELECT $id, $execution, $visible, $json WHERE EXISTS (SELECT 1 FROM instances WHERE instance_id = $id)
                RETURNING id
                """)
            .With("$id", message.InstanceId)
            .With("$execution", message.ExecutionId)
            .With("$visible", SqliteValues.Ticks(message.VisibleAt))
            .With("$json", prepared.Json)
            .ExecuteScalar();
        return id is long value ? message with { Id = value } : null;
    }

    /// <summary>
    /// Creates an instance (replacing a finished one whose status is not in <paramref name="dedupeStatuses"/>) with its
    /// start message and lease; returns the stored start message, or null (with the existing status) when an active
    /// instance, or a finished one with a dedupe status, has the id.
    /// </summary>
    public static InstanceMessage? TryCreateInstance(
        SqliteCommandCache commands,
        InstanceRecord instance,
        SqliteMessage startMessage,
        string? owner,
        DateTimeOffset leaseUntil,
        IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupeStatuses,
        out OrchestrationRuntimeStatus existing)
    {
        existing = default;
        if (StatusOf(commands, instance.InstanceId) is { } status)
        {
            if (!status.IsTerminal() || dedupeStatuses?.Contains(status) == true)
            {
                existing = status;
                return null;
            }

            DeleteInstance(commands, instance.InstanceId);
        }

        commands.Get(SqliteInstanceRows.Insert).WithInstance(instance)
            .With("$owner", owner).With("$until", owner is null ? 0 : SqliteValues.Ticks(leaseUntil)).ExecuteNonQuery();
        return InsertMessage(commands, startMessage);
    }

    /// <summary>Deletes an instance with its history, inbox and activities.</summary>
    public static void DeleteInstance(SqliteCommandCache commands, string instanceId)
    {
        commands.Get("DELETE FROM instances WHERE instance_id = $id").With("$id", instanceId).ExecuteNonQuery();
        commands.Get("DELETE FROM history WHERE instance_id = $id").With("$id", instanceId).ExecuteNonQuery();
        commands.Get("DELETE FROM messages WHERE instance_id = $id").With("$id", instanceId).ExecuteNonQuery();
        commands.Get("DELETE FROM activities WHERE instance_id = $id").With("$id", instanceId).ExecuteNonQuery();
    }
}
