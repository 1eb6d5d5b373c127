namespace Serverless.Storage;

/// <summary>
/// One comparison of a property with a value. Values compare only with stored values of the same type (as in
/// the Table service); a missing property matches nothing.
/// </summary>
/// <param name="Property">PartitionKey, RowKey or a property name.</param>
/// <param name="Comparison">The operator.</param>
/// <param name="Value">A string, bool, int, long, double, DateTimeOffset, Guid or byte[].</param>
public sealed record TableCondition(string Property, TableComparison Comparison, object Value)
{
    /// <summary><paramref name="property"/> equals <paramref name="value"/>.</summary>
    /// <param name="property">The property.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static TableCondition Equal(string property, object value) => new(property, TableComparison.Equal, value);

    /// <summary><paramref name="property"/> is less than <paramref name="value"/>.</summary>
    /// <param name="property">The property.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static TableCondition LessThan(string property, object value) => new(property, TableComparison.LessThan, value);

    /// <summary><paramref name="property"/> is at least <paramref name="value"/>.</summary>
    /// <param name="property">The property.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static TableCondition GreaterThanOrEqual(string property, object value) => new(property, TableComparison.GreaterThanOrEqual, value);
}

/// <summary>The comparison operators of <see cref="TableCondition"/>.</summary>
public enum TableComparison
{
    /// <summary><c>eq</c></summary>
    Equal,

    /// <summary><c>ne</c></summary>
    NotEqual,

    /// <summary><c>lt</c></summary>
    LessThan,

    /// <summary><c>le</c></summary>
    LessThanOrEqual,

    /// <summary><c>gt</c></summary>
    GreaterThan,

    /// <summary><c>ge</c></summary>
    GreaterThanOrEqual,
}
