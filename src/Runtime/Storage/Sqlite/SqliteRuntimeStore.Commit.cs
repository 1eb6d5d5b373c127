using Serverless.Runtime.History;

namespace Serverless.Runtime.Storage.Sqlite;

/// <content>The episode commit: one write request, so one savepoint of a group-commit batch.</content>
public sealed partial class SqliteRuntimeStore
{
    /// <inheritdoc />
    public Task<CommitResult> CommitOrchestrationAsync(OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);

        // Serialize here, on the caller's thread, so the one writer does SQL only.
        var history = commit.NewHistory.Select(HistoryJson.Serialize).ToList();
        var messages = commit.NewMessages.Select(SqliteMessage.From).ToList();
        var children = commit.NewInstances.Select(c => (c, SqliteMessage.From(c.StartMessage))).ToList();
        return WriteAsync(commands => Commit(commands, commit, history, messages, children), cancellationToken);
    }

    private static CommitResult Commit(
        SqliteCommandCache commands,
        OrchestrationCommit commit,
        List<string> history,
        List<SqliteMessage> newMessages,
        List<(NewInstance Child, SqliteMessage Start)> children)
    {
        // The row update is the lease check: it matches only while the owner holds the instance. Deleting and
        // counting consumed messages is the staleness check. A refusal rolls back the request's savepoint
        // (or its lone transaction), so whatever ran before it is undone.
        var instanceId = commit.Instance.InstanceId;
        var updated = commands.Get(SqliteInstanceRows.UpdateIfOwner).WithInstance(commit.Instance)
            .With("$owner", commit.Owner).With("$until", SqliteValues.Ticks(commit.LeaseUntil)).ExecuteNonQuery();
        if (updated != 1)
        {
            throw new LeaseLostException(instanceId, "another process holds it or it was purged");
        }

        foreach (var id in commit.ConsumedMessageIds.Distinct())
        {
            var deleted = commands.Get("DELETE FROM messages WHERE id = $id AND instance_id = $instance")
                .With("$id", id).With("$instance", instanceId).ExecuteNonQuery();
            if (deleted != 1)
            {
                throw new LeaseLostException(instanceId, "a consumed message was already processed");
            }
        }

        AppendHistory(commands, instanceId, commit.ResetHistory, history);
        var activities = commit.NewActivities.Select(a => InsertActivity(commands, commit, a)).ToList();
        var rejected = children
            .Where(c => SqliteWrites.TryCreateInstance(commands, c.Child.Instance, c.Start, commit.Owner, commit.LeaseUntil, null, out _) is null)
            .Select(c => c.Child)
            .ToList();
        var messages = new List<InstanceMessage>(newMessages.Count);
        foreach (var message in newMessages)
        {
            if (SqliteWrites.InsertMessage(commands, message) is { } stored)
            {
                messages.Add(stored);
            }
        }

        return new CommitResult(activities, messages, rejected);
    }

    private static void AppendHistory(SqliteCommandCache commands, string instanceId, bool reset, List<string> events)
    {
        if (reset)
        {
            commands.Get("DELETE FROM history WHERE instance_id = $id").With("$id", instanceId).ExecuteNonQuery();
        }

        if (events.Count == 0)
        {
            return;
        }

        var next = (long)commands.Get("SELECT COALESCE(MAX(seq) + 1, 0) FROM history WHERE instance_id = $id")
            .With("$id", instanceId).ExecuteScalar()!;
        foreach (var json in events)
        {
            commands.Get("INSERT INTO history (instance_id, seq, json) VALUES ($id, $seq, $json)")
                .With("$id", instanceId).With("$seq", next++).With("$json", json)
                .ExecuteNonQuery();
        }
    }

    private static ActivityWorkItem InsertActivity(SqliteCommandCache commands, OrchestrationCommit commit, NewActivity activity)
    {
        var id = (long)commands.Get("""
                INSERT INTO activities (instance_id, execution_id, task_id, name, input, lock_owner, locked_until, dequeue_count, trace_parent)
                VALUES ($id, $execution, $task, $name, $input, $owner, $until, 1, $trace) RETURNING id
                """)
            .With("$id", commit.Instance.InstanceId)
            .With("$execution", commit.Instance.ExecutionId)
            .With("$task", activity.TaskId)
            .With("$name", activity.Name)
            .With("$input", activity.Input)
            .With("$owner", commit.Owner)
            .With("$until", SqliteValues.Ticks(commit.LeaseUntil))
            .With("$trace", activity.TraceParent)
            .ExecuteScalar()!;
        return new ActivityWorkItem(
            id, commit.Instance.InstanceId, commit.Instance.ExecutionId, activity.TaskId, activity.Name, activity.Input, commit.LeaseUntil, 1,
            activity.TraceParent);
    }
}
