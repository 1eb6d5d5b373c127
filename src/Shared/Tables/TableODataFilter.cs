using System.Globalization;

namespace Serverless.Tables;

/// <summary>Formats values as OData literals so that interpolated filters cannot be broken out of.</summary>
internal static class TableODataFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>The OData literal for one value: strings quoted with single quotes doubled, typed prefixes for the rest.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d when !double.IsFinite(d) => throw new ArgumentException($"{d} cannot appear in a table filter.", nameof(value)),
        double d => d.ToString("R", CultureInfo.InvariantCulture) is var text && (text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal)) ? text : text + ".0",
        DateTimeOffset o => $"datetime'{TableEntityJson.FormatDate(o)}'",
        DateTime d => $"datetime'{TableEntityJson.FormatDate(new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)))}'",
        Guid g => $"guid'{g:D}'",
        byte[] b => $"X'{Convert.ToHexStringLower(b)}'",
        Enum e => Quote(e.ToString()),
        _ => throw new ArgumentException($"Values of type {value.GetType().Name} cannot appear in a table filter.", nameof(value)),
    };

    public static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
