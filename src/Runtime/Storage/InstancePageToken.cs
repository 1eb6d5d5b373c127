using System.Globalization;
using System.Text;

namespace Serverless.Runtime.Storage;

/// <summary>Continuation tokens for instance queries: the (CreatedAt, InstanceId) of the last row returned.</summary>
public static class InstancePageToken
{
    /// <summary>Encodes the position after <paramref name="last"/>.</summary>
    public static string Format(InstanceRecord last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.UtcTicks}|{last.InstanceId}")));

    /// <summary>Decodes a token; null for none. Throws <see cref="ArgumentException"/> for a malformed one.</summary>
    public static (long CreatedTicks, string InstanceId)? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return (ticks, text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Falls through to the clear error below.
        }

        throw new ArgumentException("The continuation token is not one this store issued.", nameof(token));
    }

    /// <summary>True when <paramref name="record"/> sorts after the token's position.</summary>
    public static bool IsAfter(InstanceRecord record, (long CreatedTicks, string InstanceId) position) =>
        record.CreatedAt.UtcTicks > position.CreatedTicks
        || (record.CreatedAt.UtcTicks == position.CreatedTicks && string.CompareOrdinal(record.InstanceId, position.InstanceId) > 0);
}
