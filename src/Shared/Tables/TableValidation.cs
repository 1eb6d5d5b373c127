using System.Text.RegularExpressions;

namespace Serverless.Tables;

/// <summary>
/// The Table service's limits, checked before anything is sent so bad input fails fast with a precise
/// <see cref="ArgumentException"/> and leaves no trace.
/// </summary>
internal static partial class TableValidation
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

    private static readonly HashSet<string> s_reservedNames =
        new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag", "ETag" };

    public static void TableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException(
                $"Table name '{tableName}' is invalid: 3-63 letters or digits, starting with a letter.", nameof(tableName));
        }
    }

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

    public static void Entity(ITableEntity entity, IReadOnlyDictionary<string, object?> properties, string paramName = "entity")
    {
        ArgumentNullException.ThrowIfNull(entity, paramName);
        Key(entity.PartitionKey, "PartitionKey");
        Key(entity.RowKey, "RowKey");
        if (properties.Count > MaxProperties)
        {
            throw new ArgumentException($"The entity has {properties.Count} properties; the limit is {MaxProperties}.", paramName);
        }

        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in properties)
        {
            PropertyName(name, paramName);
            size += 8 + (name.Length * 2) + ValueSize(name, value, paramName);
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"The entity is {size} bytes by the service's size formula; the limit is 1 MiB.", paramName);
        }
    }

    /// <summary>Maps and validates an entity; returns the properties to write.</summary>
    public static IReadOnlyDictionary<string, object?> EntityProperties(ITableEntity entity, string paramName = "entity")
    {
        ArgumentNullException.ThrowIfNull(entity, paramName);
        var properties = TableEntityMapper.ToProperties(entity);
        Entity(entity, properties, paramName);
        return properties;
    }

    /// <summary>Validates one transaction action: keys only for deletes, the whole entity otherwise.</summary>
    public static IReadOnlyDictionary<string, object?> Action(TableTransactionAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var entity = action.Entity ?? throw new ArgumentException("The action has no entity.", nameof(action));
        if (action.ActionType != TableTransactionActionType.Delete)
        {
            return EntityProperties(entity);
        }

        Key(entity.PartitionKey, "PartitionKey");
        Key(entity.RowKey, "RowKey");
        return new Dictionary<string, object?>();
    }

    /// <summary>Conditional updates need an explicit ETag; <see cref="Azure.ETag.All"/> is the deliberate "any version".</summary>
    public static void IfMatch(Azure.ETag ifMatch, string paramName = "ifMatch")
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs an ETag; pass ETag.All to update whatever version is stored.", paramName);
        }
    }

    public static void Batch(IReadOnlyList<TableTransactionAction> actions, string paramName = "actions")
    {
        ArgumentNullException.ThrowIfNull(actions, paramName);
        if (actions.Count is 0 or > MaxBatchActions)
        {
            throw new ArgumentException($"A transaction needs 1 to {MaxBatchActions} actions; got {actions.Count}.", paramName);
        }

        var partition = actions[0].Entity?.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity ?? throw new ArgumentException($"Action {i} has no entity.", paramName);
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Action {i} is in partition '{entity.PartitionKey}' but action 0 is in '{partition}'; a transaction spans one partition.", paramName);
            }

            if (!rows.Add(entity.RowKey ?? string.Empty))
            {
                throw new ArgumentException($"Action {i} repeats row key '{entity.RowKey}'; each entity may appear once per transaction.", paramName);
            }
        }
    }

    public static bool IsPropertyName(string name) => PropertyNamePattern().IsMatch(name);

    private static void PropertyName(string name, string paramName)
    {
        if (s_reservedNames.Contains(name))
        {
            throw new ArgumentException($"'{name}' is a system property; set it through the entity, not as a property.", paramName);
        }

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
