using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>Parameter binding and column reading shared by the store's statements.</summary>
internal static class SqliteValues
{
    /// <summary>Adds a parameter; null becomes SQL NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Binds <c>$max</c>; a negative count means none, where SQLite would read LIMIT -1 as no limit.</summary>
    public static SqliteCommand WithLimit(this SqliteCommand command, int maxCount) => command.With("$max", Math.Max(0, maxCount));

    /// <summary>The stored form of a time: UTC ticks.</summary>
    public static long Ticks(DateTimeOffset time) => time.UtcTicks;

    /// <summary>A time read back from UTC ticks.</summary>
    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>A nullable text column.</summary>
    public static string? Text(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A nullable time column.</summary>
    public static DateTimeOffset? NullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));

    /// <summary>Failure details as stored JSON.</summary>
    public static string? FailureJson(TaskFailureDetails? failure) =>
        failure is null ? null : JsonSerializer.Serialize(failure, HistoryJsonOptions);

    /// <summary>Failure details read back from JSON.</summary>
    public static TaskFailureDetails? Failure(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<TaskFailureDetails>(json, HistoryJsonOptions);

    private static JsonSerializerOptions HistoryJsonOptions => History.HistoryJson.Options;
}
