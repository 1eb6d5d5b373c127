using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Serverless.Triggers;

/// <summary>
/// Checks that a delivery carries the trigger's key or a valid HMAC-SHA256 signature of its raw body. Every comparison
/// is <see cref="CryptographicOperations.FixedTimeEquals"/> over equal-length values, so timing tells a caller nothing
/// about how much of a guess was right.
/// </summary>
public static class TriggerSignature
{
    private const string SignaturePrefix = "sha256=";
    private const int MaxHeaderChars = 4096;

    /// <summary>Checks one delivery.</summary>
    /// <param name="auth">The trigger's auth settings.</param>
    /// <param name="secret">The secret's value.</param>
    /// <param name="header">The value of <see cref="TriggerAuth.Header"/>, or null when absent.</param>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="now">The current time (timestamped signatures).</param>
    /// <returns>Null when the delivery is authentic; otherwise why it is refused.</returns>
    public static TriggerRefusal? Check(TriggerAuth auth, string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(header))
        {
            return new("missingCredential", 401, auth.Mode == TriggerAuthMode.Key
                ? $"This trigger needs its key in the {auth.Header} header."
                : $"This trigger needs a signature of the body in the {auth.Header} header.");
        }

        if (header.Length > MaxHeaderChars)
        {
            return new("malformedSignature", 401, $"The {auth.Header} header is longer than {MaxHeaderChars} characters.");
        }

        var key = Encoding.UTF8.GetBytes(secret);
        return auth.Mode switch
        {
            TriggerAuthMode.Key => CheckKey(auth, key, header),
            TriggerAuthMode.Signature => CheckSignature(auth, key, header, body),
            _ => CheckTimestamped(auth, key, header, body, now),
        };
    }

    /// <summary>The <c>sha256=&lt;hex&gt;</c> signature of a body, as a sender computes it.</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="body">The raw body.</param>
    /// <returns>The header value.</returns>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        SignaturePrefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The <c>t=&lt;unix&gt;,v1=&lt;hex&gt;</c> signature of a body at a time, as a sender computes it.</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="body">The raw body.</param>
    /// <param name="at">The signing time.</param>
    /// <returns>The header value.</returns>
    public static string SignTimestamped(string secret, ReadOnlySpan<byte> body, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Signed(t, body)))}";
    }

    private static TriggerRefusal? CheckKey(TriggerAuth auth, byte[] key, string header) =>
        // Hashing both sides first makes the compared values equal in length, so the key's length does not leak either.
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header)), SHA256.HashData(key))
            ? null
            : new("badKey", 403, $"The key in the {auth.Header} header is not this trigger's key.");

    private static TriggerRefusal? CheckSignature(TriggerAuth auth, byte[] key, string header, ReadOnlySpan<byte> body)
    {
        if (!header.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase) || !TryHex(header.AsSpan(SignaturePrefix.Length), out var sent))
        {
            return new("malformedSignature", 401, $"The {auth.Header} header must be 'sha256=' and 64 hex digits: the HMAC-SHA256 of the raw body keyed with the trigger's secret.");
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), sent)
            ? null
            : new("badSignature", 403, $"The signature in the {auth.Header} header does not match the body.");
    }

    private static TriggerRefusal? CheckTimestamped(TriggerAuth auth, byte[] key, string header, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        string? t = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var (name, value) = (part[..eq], part[(eq + 1)..]);
            if (name == "t")
            {
                t = value;
            }
            else if (name == "v1" && TryHex(value, out var signature))
            {
                signatures.Add(signature);
            }
        }

        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signatures.Count == 0 || signatures.Count > 8)
        {
            return new("malformedSignature", 401, $"The {auth.Header} header must be 't=<unix seconds>,v1=<64 hex digits>': the HMAC-SHA256 of '<t>.<raw body>' keyed with the trigger's secret.");
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - Math.Min(seconds, 253_402_300_799)) > auth.ToleranceSeconds)
        {
            return new("staleTimestamp", 403, $"The signed timestamp is more than {auth.ToleranceSeconds} seconds from the server's time; a delivery is accepted only within that window.");
        }

        var expected = HMACSHA256.HashData(key, Signed(t, body));
        var valid = false;
        foreach (var signature in signatures)
        {
            valid |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        return valid ? null : new("badSignature", 403, $"No v1 signature in the {auth.Header} header matches the timestamp and body.");
    }

    private static byte[] Signed(string t, ReadOnlySpan<byte> body)
    {
        var signed = new byte[t.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(t, signed);
        signed[t.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(t.Length + 1));
        return signed;
    }

    private static bool TryHex(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 64)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        bytes = Convert.FromHexString(text);
        return true;
    }
}
