using Azure;

namespace Serverless.Tables;

/// <summary>
/// A schemaless entity: the keys, timestamp and ETag as properties, every other property in the dictionary.
/// Values may be <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="DateTimeOffset"/>, <see cref="DateTime"/>, <see cref="Guid"/> or <see cref="byte"/>[].
/// </summary>
public sealed class TableEntity : Dictionary<string, object?>, ITableEntity
{
    /// <summary>Creates an entity without keys (set them before writing).</summary>
    public TableEntity()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Creates an entity with its keys.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    public TableEntity(string partitionKey, string rowKey)
        : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <inheritdoc />
    public string PartitionKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The property as a string, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    public string? GetString(string key) => GetReference<string>(key);

    /// <summary>The property as a boolean, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    public bool? GetBoolean(string key) => Get<bool>(key);

    /// <summary>The property as a 32-bit integer, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    public int? GetInt32(string key) => Get<int>(key);

    /// <summary>The property as a 64-bit integer (32-bit values widen), or null when absent.</summary>
    /// <param name="key">The property name.</param>
    public long? GetInt64(string key) => TryGetValue(key, out var v) && v is int i ? i : Get<long>(key);

    /// <summary>The property as a double, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    public double? GetDouble(string key) => Get<double>(key);

    /// <summary>The property as a UTC instant (a stored <see cref="DateTime"/> converts), or null when absent.</summary>
    /// <param name="key">The property name.</param>
    public DateTimeOffset? GetDateTimeOffset(string key) =>
        TryGetValue(key, out var v) && v is DateTime d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : Get<DateTimeOffset>(key);

    /// <summary>The property as a GUID, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    public Guid? GetGuid(string key) => Get<Guid>(key);

    /// <summary>The property as bytes, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    public byte[]? GetBinary(string key) => GetReference<byte[]>(key);

    private T? Get<T>(string key)
        where T : struct =>
        TryGetValue(key, out var value) && value is not null ? Cast<T>(key, value) : null;

    private T? GetReference<T>(string key)
        where T : class =>
        TryGetValue(key, out var value) && value is not null ? Cast<T>(key, value) : null;

    private static T Cast<T>(string key, object value) => value is T typed
        ? typed
        : throw new InvalidOperationException($"Property '{key}' holds a {value.GetType().Name}, not a {typeof(T).Name}.");
}
