using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Storage;

/// <summary>
/// The Table service's limits, checked by both stores before anything is sent or written, so bad input fails
/// fast with a precise <see cref="ArgumentException"/>, leaves no trace, and never reaches a service (or
/// Azurite) that might answer it with a reply the SDK cannot parse.
/// </summary>
public static partial class TableLimits
{
    /// <summary>Keys are at most 1 KiB of UTF-16, i.e. 512 characters.</summary>
    public const int MaxKeyChars = 512;

    /// <summary>Properties an entity may carry besides PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxProperties = 252;

    /// <summary>A string property holds at most 64 KiB of UTF-16, i.e. 32,768 characters.</summary>
    public const int MaxStringChars = 32 * 1024;

    /// <summary>A binary property holds at most 64 KiB.</summary>
    public const int MaxBinaryBytes = 64 * 1024;

    /// <summary>An entity is at most 1 MiB by the service's size formula.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>An entity-group transaction holds at most 100 actions.</summary>
    public const int MaxBatchActions = 100;

    /// <summary>An entity-group transaction's request body is at most 4 MiB.</summary>
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>What one action adds to a batch body besides its entity's JSON: MIME boundary, headers, request line.</summary>
    internal const int BatchActionOverheadBytes = 1024;

    private static readonly HashSet<string> s_systemNames =
        new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    /// <summary>Checks a table name: 3 to 63 letters or digits, starting with a letter.</summary>
    /// <param name="tableName">The name.</param>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    public static void TableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException(
                $"Table name '{tableName}' is invalid: 3-63 letters or digits, starting with a letter.", nameof(tableName));
        }
    }

    /// <summary>Checks a partition or row key: at most 512 characters, none of / \ # ? or control characters.</summary>
    /// <param name="key">The key.</param>
    /// <param name="paramName">The name reported in the exception.</param>
    /// <exception cref="ArgumentException">The key is invalid.</exception>
    public static void Key(string? key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length > MaxKeyChars)
        {
            throw new ArgumentException($"{paramName} is {key.Length} characters; the limit is {MaxKeyChars} (1 KiB of UTF-16).", paramName);
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException(
                    $"{paramName} contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}' at index {i}; keys may not contain / \\ # ? or control characters.",
                    paramName);
            }
        }
    }

    /// <summary>Whether a name may be used for a property (1-255 letters, digits or '_', not starting with a digit).</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when valid.</returns>
    public static bool IsPropertyName(string name) => PropertyNamePattern().IsMatch(name);

    /// <summary>The entity's own properties: everything but PartitionKey, RowKey, Timestamp and the ETag.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>Name and value of each property, nulls included.</returns>
    public static IEnumerable<KeyValuePair<string, object?>> Properties(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var (name, value) in entity)
        {
            if (!s_systemNames.Contains(name))
            {
                yield return new(name, value);
            }
        }
    }

    /// <summary>Checks an entity: keys, property count, names, types, value sizes and its size by the service's formula.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="paramName">The name reported in the exception.</param>
    /// <returns>The entity's size in bytes by the service's formula.</returns>
    /// <exception cref="ArgumentException">The service would reject it.</exception>
    public static long Entity(TableEntity entity, string paramName = "entity")
    {
        ArgumentNullException.ThrowIfNull(entity, paramName);
        Key(entity.PartitionKey, "PartitionKey");
        Key(entity.RowKey, "RowKey");
        var count = 0;
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        foreach (var (name, value) in Properties(entity))
        {
            PropertyName(name, paramName);
            count++;
            size += 8 + (name.Length * 2L) + ValueSize(name, value, paramName);
        }

        if (count > MaxProperties)
        {
            throw new ArgumentException($"The entity has {count} properties; the limit is {MaxProperties}.", paramName);
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"The entity is {size} bytes by the service's size formula; the limit is 1 MiB.", paramName);
        }

        return size;
    }

    /// <summary>Conditional updates need an explicit ETag; <see cref="ETag.All"/> is the deliberate "any version".</summary>
    /// <param name="ifMatch">The ETag.</param>
    /// <param name="paramName">The name reported in the exception.</param>
    /// <exception cref="ArgumentException">The ETag is default.</exception>
    public static void IfMatch(ETag ifMatch, string paramName = "ifMatch")
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs an ETag; pass ETag.All to update whatever version is stored.", paramName);
        }
    }

    /// <summary>
    /// Checks a transaction: 1 to 100 actions on one partition, each row once, each entity valid, and a request
    /// body of at most 4 MiB (each entity's JSON plus a per-action allowance for the multipart framing).
    /// </summary>
    /// <param name="actions">The actions.</param>
    /// <param name="paramName">The name reported in the exception.</param>
    /// <exception cref="ArgumentException">The service would reject the batch.</exception>
    public static void Batch(IReadOnlyList<TableTransactionAction> actions, string paramName = "actions")
    {
        ArgumentNullException.ThrowIfNull(actions, paramName);
        if (actions.Count is 0 or > MaxBatchActions)
        {
            throw new ArgumentException($"A transaction needs 1 to {MaxBatchActions} actions; got {actions.Count}.", paramName);
        }

        var partition = actions[0].Entity?.PartitionKey;
        var rows = new HashSet<string>(actions.Count, StringComparer.Ordinal);
        long bytes = 0;
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i] ?? throw new ArgumentException($"Action {i} is null.", paramName);
            var entity = action.Entity as TableEntity ?? throw new ArgumentException($"Action {i} has no TableEntity.", paramName);
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Action {i} is in partition '{entity.PartitionKey}' but action 0 is in '{partition}'; a transaction spans one partition.", paramName);
            }

            if (!rows.Add(entity.RowKey ?? string.Empty))
            {
                throw new ArgumentException($"Action {i} repeats row key '{entity.RowKey}'; each entity may appear once per transaction.", paramName);
            }

            if (action.ActionType == TableTransactionActionType.Delete)
            {
                Key(entity.PartitionKey, "PartitionKey");
                Key(entity.RowKey, "RowKey");
            }
            else
            {
                Entity(entity, paramName);
            }

            bytes += BatchActionOverheadBytes + (action.ActionType == TableTransactionActionType.Delete ? 0 : JsonBytes(entity));
            if (bytes > MaxBatchBytes)
            {
                throw new ArgumentException(
                    $"The transaction's body passes 4 MiB at action {i}; split it into smaller transactions.", paramName);
            }
        }
    }

    /// <summary>The UTF-8 size of the entity as the service's JSON format carries it.</summary>
    internal static long JsonBytes(TableEntity entity) => TableEntityJson.Write(entity).LongLength;

    private static void PropertyName(string name, string paramName)
    {
        if (!PropertyNamePattern().IsMatch(name))
        {
            throw new ArgumentException($"Property name '{name}' is invalid: 1-255 letters, digits or '_', not starting with a digit.", paramName);
        }
    }

    private static long ValueSize(string name, object? value, string paramName) => value switch
    {
        null => 0,
        string s when s.Length > MaxStringChars => throw new ArgumentException(
            $"Property '{name}' is a string of {s.Length} characters; the limit is {MaxStringChars} (64 KiB of UTF-16).", paramName),
        string s => 4 + (s.Length * 2L),
        byte[] b when b.Length > MaxBinaryBytes => throw new ArgumentException(
            $"Property '{name}' is {b.Length} bytes of binary; the limit is {MaxBinaryBytes}.", paramName),
        byte[] b => 4 + b.Length,
        BinaryData b => ValueSize(name, b.ToArray(), paramName),
        double d when !double.IsFinite(d) => throw new ArgumentException(
            $"Property '{name}' is {d}; the Tables SDK sends only finite doubles.", paramName),
        bool => 1,
        int => 4,
        long or double or DateTime or DateTimeOffset => 8,
        Guid => 16,
        _ => throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", paramName),
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,254}$")]
    private static partial Regex PropertyNamePattern();
}
