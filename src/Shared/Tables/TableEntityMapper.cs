using System.Collections.Concurrent;
using System.Reflection;

namespace Serverless.Tables;

/// <summary>
/// Maps typed entities to and from property dictionaries: <see cref="TableEntity"/> as it is, any other
/// <see cref="ITableEntity"/> through its public read-write properties of supported types.
/// </summary>
internal static class TableEntityMapper
{
    private static readonly HashSet<string> s_systemProperties =
        new(StringComparer.Ordinal) { nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag) };

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_properties = new();

    public static IReadOnlyDictionary<string, object?> ToProperties(ITableEntity entity)
    {
        if (entity is TableEntity dictionary)
        {
            return dictionary;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in Properties(entity.GetType()))
        {
            var value = p.GetValue(entity);
            result[p.Name] = value is Enum e ? e.ToString() : value;
        }

        return result;
    }

    public static T FromTableEntity<T>(TableEntity source)
        where T : class, ITableEntity, new()
    {
        if (source is T same)
        {
            return same;
        }

        var target = new T { PartitionKey = source.PartitionKey, RowKey = source.RowKey, Timestamp = source.Timestamp, ETag = source.ETag };
        foreach (var p in Properties(typeof(T)))
        {
            if (source.TryGetValue(p.Name, out var value) && value is not null)
            {
                p.SetValue(target, Convert(value, p.PropertyType, p.Name));
            }
        }

        return target;
    }

    private static object Convert(object value, Type type, string name)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return (value, target) switch
        {
            _ when target.IsInstanceOfType(value) => value,
            (int i, _) when target == typeof(long) => (long)i,
            (int i, _) when target == typeof(double) => (double)i,
            (DateTimeOffset o, _) when target == typeof(DateTime) => o.UtcDateTime,
            (DateTime d, _) when target == typeof(DateTimeOffset) => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            (byte[] b, _) when target == typeof(BinaryData) => new BinaryData(b),
            (string s, _) when target.IsEnum => Enum.Parse(target, s),
            _ => throw new InvalidOperationException($"Stored property '{name}' is a {value.GetType().Name} and cannot fill a {type.Name}."),
        };
    }

    private static PropertyInfo[] Properties(Type type) => s_properties.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p is { CanRead: true, CanWrite: true } && p.GetIndexParameters().Length == 0 && !s_systemProperties.Contains(p.Name))
        .ToArray());
}
