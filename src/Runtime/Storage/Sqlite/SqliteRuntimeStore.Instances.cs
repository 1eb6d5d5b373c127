using Microsoft.DurableTask.Client;
using Serverless.Durable;

namespace Serverless.Runtime.Storage.Sqlite;

/// <content>Instance writes: create, enqueue, instance leases and purge.</content>
public sealed partial class SqliteRuntimeStore
{
    /// <inheritdoc />
    public Task<InstanceMessage> CreateInstanceAsync(
        InstanceRecord instance,
        InstanceMessage startMessage,
        string? owner,
        DateTimeOffset leaseUntil,
        IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupeStatuses,
        CancellationToken cancellationToken)
    {
        var start = SqliteMessage.From(startMessage);
        return WriteAsync(
            commands => SqliteWrites.TryCreateInstance(commands, instance, start, owner, leaseUntil, dedupeStatuses, out var existing)
                ?? throw new OrchestrationAlreadyExistsException(instance.InstanceId, existing),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<InstanceMessage> EnqueueMessageAsync(InstanceMessage message, bool requireActive, CancellationToken cancellationToken)
    {
        var prepared = SqliteMessage.From(message);
        return WriteAsync(
            commands =>
            {
                var status = SqliteWrites.StatusOf(commands, message.InstanceId)
                    ?? throw new OrchestrationNotFoundException(message.InstanceId);
                if (requireActive && status.IsTerminal())
                {
                    throw new OrchestrationStateException(
                        message.InstanceId, status, $"Instance '{message.InstanceId}' is {status} and accepts no more events.");
                }

                return SqliteWrites.InsertMessage(commands, prepared)!;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryAcquireInstanceAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        WriteAsync(
            commands => commands.Get("""
                    UPDATE instances SET lock_owner = $owner, locked_until = $until
                    WHERE instance_id = $id AND (lock_owner IS NULL OR lock_owner = $owner OR locked_until <= $now)
                    """)
                .With("$id", instanceId)
                .With("$owner", owner)
                .With("$now", SqliteValues.Ticks(now))
                .With("$until", SqliteValues.Ticks(leaseUntil))
                .ExecuteNonQuery() == 1,
            cancellationToken);

    /// <inheritdoc />
    public Task ReleaseInstanceAsync(string instanceId, string owner, CancellationToken cancellationToken) =>
        WriteAsync(
            commands => commands.Get("UPDATE instances SET lock_owner = NULL WHERE instance_id = $id AND lock_owner = $owner")
                .With("$id", instanceId)
                .With("$owner", owner)
                .ExecuteNonQuery(),
            cancellationToken);

    /// <inheritdoc />
    public Task<int> PurgeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        return WriteAsync(
            commands =>
            {
                var purged = 0;
                foreach (var id in ids)
                {
                    if (SqliteWrites.StatusOf(commands, id) is { } status && status.IsTerminal())
                    {
                        SqliteWrites.DeleteInstance(commands, id);
                        purged++;
                    }
                }

                return purged;
            },
            cancellationToken);
    }
}
