using Azure.Data.Tables;

namespace Serverless.Storage;

/// <summary>
/// Evaluates a <see cref="TableCondition"/> on an entity the way the Table service does: values of different
/// types never match, a missing property matches nothing, strings compare ordinally.
/// </summary>
internal static class TableConditionEvaluator
{
    public static bool Matches(TableEntity entity, TableCondition condition)
    {
        object? stored = condition.Property switch
        {
            "PartitionKey" => entity.PartitionKey,
            "RowKey" => entity.RowKey,
            "Timestamp" => entity.Timestamp,
            _ => entity.TryGetValue(condition.Property, out var v) ? v : null,
        };
        if (Compare(stored, condition.Value) is not { } order)
        {
            return false;
        }

        return condition.Comparison switch
        {
            TableComparison.Equal => order == 0,
            TableComparison.NotEqual => order != 0,
            TableComparison.LessThan => order < 0,
            TableComparison.LessThanOrEqual => order <= 0,
            TableComparison.GreaterThan => order > 0,
            _ => order >= 0,
        };
    }

    private static int? Compare(object? stored, object value) => (stored, value) switch
    {
        (string a, string b) => string.CompareOrdinal(a, b),
        (int a, int b) => a.CompareTo(b),
        (long a, long b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        (Guid a, Guid b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (DateTimeOffset a, DateTime b) => a.CompareTo(new DateTimeOffset(DateTime.SpecifyKind(b, DateTimeKind.Utc))),
        (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
        _ => null,
    };
}
