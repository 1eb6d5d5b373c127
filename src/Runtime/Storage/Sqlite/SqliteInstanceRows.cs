using Microsoft.Data.Sqlite;
using Microsoft.DurableTask.Client;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>How an <see cref="InstanceRecord"/> maps to a row of the instances table.</summary>
internal static class SqliteInstanceRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = """
        instance_id, name, version, execution_id, status, created_at, last_updated_at, completed_at, input, output,
        custom_status, failure, parent_instance_id, parent_name, parent_execution_id, parent_task_id
        """;

    /// <summary>Inserts a fresh row with no lease.</summary>
    public const string Insert = $"""
        INSERT INTO instances ({Columns}, lock_owner, locked_until)
        VALUES ($id, $name, $version, $execution, $status, $created, $updated, $completed, $input, $output,
                $custom, $failure, $parent, $parent_name, $parent_execution, $parent_task, $owner, $until)
        """;

    /// <summary>Overwrites the row's data and lease expiry when <c>$owner</c> holds its lease.</summary>
    public const string UpdateIfOwner = """
        UPDATE instances SET name = $name, version = $version, execution_id = $execution, status = $status,
            created_at = $created, last_updated_at = $updated, completed_at = $completed, input = $input,
            output = $output, custom_status = $custom, failure = $failure, parent_instance_id = $parent,
            parent_name = $parent_name, parent_execution_id = $parent_execution, parent_task_id = $parent_task,
            locked_until = $until
        WHERE instance_id = $id AND lock_owner = $owner
        """;

    /// <summary>Binds every data column of <paramref name="record"/>.</summary>
    public static SqliteCommand WithInstance(this SqliteCommand command, InstanceRecord record) => command
        .With("$id", record.InstanceId)
        .With("$name", record.Name)
        .With("$version", record.Version)
        .With("$execution", record.ExecutionId)
        .With("$status", (int)record.Status)
        .With("$created", SqliteValues.Ticks(record.CreatedAt))
        .With("$updated", SqliteValues.Ticks(record.LastUpdatedAt))
        .With("$completed", record.CompletedAt is { } completed ? SqliteValues.Ticks(completed) : null)
        .With("$input", record.Input)
        .With("$output", record.Output)
        .With("$custom", record.CustomStatus)
        .With("$failure", SqliteValues.FailureJson(record.FailureDetails))
        .With("$parent", record.Parent?.InstanceId)
        .With("$parent_name", record.Parent?.Name)
        .With("$parent_execution", record.Parent?.ExecutionId)
        .With("$parent_task", record.Parent?.TaskId);

    /// <summary>Reads a row selected with <see cref="Columns"/>.</summary>
    public static InstanceRecord Read(SqliteDataReader reader) => new()
    {
        InstanceId = reader.GetString(0),
        Name = reader.GetString(1),
        Version = reader.Text(2),
        ExecutionId = reader.GetString(3),
        Status = (OrchestrationRuntimeStatus)reader.GetInt32(4),
        CreatedAt = SqliteValues.Time(reader.GetInt64(5)),
        LastUpdatedAt = SqliteValues.Time(reader.GetInt64(6)),
        CompletedAt = reader.NullableTime(7),
        Input = reader.Text(8),
        Output = reader.Text(9),
        CustomStatus = reader.Text(10),
        FailureDetails = SqliteValues.Failure(reader.Text(11)),
        Parent = reader.IsDBNull(12)
            ? null
            : new ParentLink(reader.GetString(12), reader.GetString(13), reader.GetString(14), reader.GetInt32(15)),
    };
}
