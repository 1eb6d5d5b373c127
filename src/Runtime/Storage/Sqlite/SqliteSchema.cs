namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>The tables, created idempotently. Times are INTEGER UTC ticks; events are <c>HistoryJson</c> text.</summary>
internal static class SqliteSchema
{
    /// <summary>The whole schema as one script.</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS instances (
            instance_id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            version TEXT,
            execution_id TEXT NOT NULL,
            status INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            last_updated_at INTEGER NOT NULL,
            completed_at INTEGER,
            input TEXT,
            output TEXT,
            custom_status TEXT,
            failure TEXT,
            parent_instance_id TEXT,
            parent_name TEXT,
            parent_execution_id TEXT,
            parent_task_id INTEGER,
            lock_owner TEXT,
            locked_until INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS ix_instances_created ON instances (created_at, instance_id);
        CREATE INDEX IF NOT EXISTS ix_instances_status ON instances (status, created_at);
        CREATE INDEX IF NOT EXISTS ix_instances_parent ON instances (parent_instance_id) WHERE parent_instance_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_instances_owner ON instances (lock_owner) WHERE lock_owner IS NOT NULL;

        CREATE TABLE IF NOT EXISTS history (
            instance_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (instance_id, seq)) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            execution_id TEXT,
            visible_at INTEGER NOT NULL,
            json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_messages_instance ON messages (instance_id, id);
        CREATE INDEX IF NOT EXISTS ix_messages_visible ON messages (visible_at);

        CREATE TABLE IF NOT EXISTS activities (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            execution_id TEXT NOT NULL,
            task_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            input TEXT,
            lock_owner TEXT,
            locked_until INTEGER NOT NULL,
            dequeue_count INTEGER NOT NULL,
            trace_parent TEXT);
        CREATE INDEX IF NOT EXISTS ix_activities_instance ON activities (instance_id);
        CREATE INDEX IF NOT EXISTS ix_activities_lease ON activities (locked_until);
        CREATE INDEX IF NOT EXISTS ix_activities_owner ON activities (lock_owner) WHERE lock_owner IS NOT NULL;
        """;

    /// <summary>Columns added after a file may have been created; each is added when missing.</summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns =
    [
        ("activities", "trace_parent", "TEXT"),
    ];
}
