namespace Serverless.Runtime.Storage.Sqlite;

/// <content>Activity work items: lease, complete, and lease renewal.</content>
public sealed partial class SqliteRuntimeStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityWorkItem>> LeaseActivitiesAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<ActivityWorkItem>>(
            commands =>
            {
                var command = commands.Get("""
                        UPDATE activities SET lock_owner = $owner, locked_until = $until, dequeue_count = dequeue_count + 1
                        WHERE id IN (SELECT id FROM activities WHERE lock_owner IS NULL OR locked_until <= $now ORDER BY id LIMIT $max)
                        RETURNING id, instance_id, execution_id, task_id, name, input, locked_until, dequeue_count, trace_parent
                        """)
                    .With("$owner", owner)
                    .With("$now", SqliteValues.Ticks(now))
                    .With("$until", SqliteValues.Ticks(leaseUntil))
                    .WithLimit(maxCount);
                var leased = new List<ActivityWorkItem>();
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        leased.Add(new ActivityWorkItem(
                            reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                            reader.Text(5), SqliteValues.Time(reader.GetInt64(6)), reader.GetInt32(7), reader.Text(8)));
                    }
                }

                // RETURNING gives no order; callers get the oldest work first, like the in-memory store.
                leased.Sort((a, b) => a.Id.CompareTo(b.Id));
                return leased;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<InstanceMessage?> CompleteActivityAsync(long activityId, InstanceMessage result, CancellationToken cancellationToken)
    {
        var prepared = SqliteMessage.From(result);
        return WriteAsync(
            commands => commands.Get("DELETE FROM activities WHERE id = $id").With("$id", activityId).ExecuteNonQuery() == 1
                ? SqliteWrites.InsertMessage(commands, prepared)
                : null,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task RenewLeasesAsync(string owner, DateTimeOffset leaseUntil, DateTimeOffset endingBefore, CancellationToken cancellationToken) =>
        WriteAsync(
            commands =>
            {
                var until = SqliteValues.Ticks(leaseUntil);
                var before = SqliteValues.Ticks(endingBefore);
                return commands.Get("UPDATE instances SET locked_until = $until WHERE lock_owner = $owner AND locked_until < $before")
                        .With("$owner", owner).With("$until", until).With("$before", before).ExecuteNonQuery()
                    + commands.Get("UPDATE activities SET locked_until = $until WHERE lock_owner = $owner AND locked_until < $before")
                        .With("$owner", owner).With("$until", until).With("$before", before).ExecuteNonQuery();
            },
            cancellationToken);
}
