using Azure.Data.Tables;

namespace Serverless.Storage;

/// <summary>Validates a <see cref="TableStoreQuery"/> and renders it as an OData filter; the SDK escapes the literals.</summary>
internal static class TableStoreFilter
{
    public static void Validate(TableStoreQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "PageSize must be 1 to 1,000.");
        }

        if (query.PartitionKey is not null)
        {
            TableLimits.Key(query.PartitionKey, nameof(query.PartitionKey));
        }

        foreach (var c in query.Where)
        {
            if (string.IsNullOrEmpty(c.Property) || c.Value is null || !Enum.IsDefined(c.Comparison))
            {
                throw new ArgumentException($"Condition '{c}' needs a property, an operator and a value.", nameof(query));
            }

            if (!TableLimits.IsPropertyName(c.Property))
            {
                throw new ArgumentException($"Condition property '{c.Property}' is not a valid property name.", nameof(query));
            }

            if (c.Property is "PartitionKey" or "RowKey" && c.Value is not string)
            {
                throw new ArgumentException($"{c.Property} compares with strings only; got {c.Value.GetType().Name}.", nameof(query));
            }

            var supported = c.Value switch
            {
                double d => double.IsFinite(d),
                string or bool or int or long or DateTimeOffset or Guid or byte[] => true,
                _ => false,
            };
            if (!supported)
            {
                throw new ArgumentException($"Condition '{c.Property}' compares with a {c.Value.GetType().Name}; use a string, bool, int, long, finite double, DateTimeOffset, Guid or byte[].", nameof(query));
            }
        }
    }

    public static string? ToOData(TableStoreQuery query)
    {
        Validate(query);
        var clauses = new List<string>();
        if (query.PartitionKey is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey eq {query.PartitionKey}"));
        }

        clauses.AddRange(query.Where.Select(c => c.Property + " " + Operator(c.Comparison) + " " + TableClient.CreateQueryFilter($"{c.Value}")));
        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    private static string Operator(TableComparison comparison) => comparison switch
    {
        TableComparison.Equal => "eq",
        TableComparison.NotEqual => "ne",
        TableComparison.LessThan => "lt",
        TableComparison.LessThanOrEqual => "le",
        TableComparison.GreaterThan => "gt",
        _ => "ge",
    };
}
