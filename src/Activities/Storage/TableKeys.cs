using System.Security.Cryptography;
using System.Text;

namespace Serverless.Activities.Storage;

/// <summary>Turns free text (approver names, instance ids, step ids) into valid table keys.</summary>
public static class TableKeys
{
    /// <summary>
    /// Escapes the characters keys may not hold (<c>/ \ # ?</c>, control characters) and the escape
    /// character itself as <c>%XX</c>; every other character stays, so keys still sort and read naturally.
    /// </summary>
    /// <param name="value">The text.</param>
    /// <returns>A valid key.</returns>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A short, stable, key-safe hash of <paramref name="parts"/> (hex SHA-256, 32 characters).</summary>
    /// <param name="parts">What identifies the thing; joined with a separator that cannot be confused.</param>
    /// <returns>The hash.</returns>
    public static string Hash(params string?[] parts)
    {
        var joined = string.Join('\u001f', parts.Select(p => p ?? string.Empty));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
