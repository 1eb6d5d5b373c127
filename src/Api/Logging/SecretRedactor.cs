using System.Text.RegularExpressions;

namespace Serverless.Api.Logging;

/// <summary>
/// Finds secrets in log text and replaces them with <c>***</c>: the host's keys and the configured <c>Secrets__NAME</c>
/// values wherever they appear, the value of a
/// <c>code</c> (or <c>sig</c>, <c>key</c>, <c>token</c>) query parameter, the value after a key, token or principal
/// header name (<c>x-functions-key</c>, <c>x-ms-client-principal*</c>, <c>x-ms-token-*</c>, <c>Authorization</c>), and
/// the key of a storage connection string.
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    private readonly string[] _secrets;
    private readonly ConfiguredSecretValues? _configured;

    /// <summary>Creates a redactor.</summary>
    /// <param name="secrets">Literal secrets to remove wherever they appear (e.g. the admin key); blanks and very short values are ignored.</param>
    /// <param name="configured">The values of the <c>Secrets</c> section that <c>{{secrets.NAME}}</c> references resolve to, masked at any length.</param>
    public SecretRedactor(IEnumerable<string?> secrets, ConfiguredSecretValues? configured = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = [.. secrets.Where(s => s is { Length: >= 8 }).Select(s => s!).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
        _configured = configured;
    }

    /// <summary>The text with every secret masked; the same instance when there was none.</summary>
    /// <param name="text">Log text.</param>
    /// <returns>The redacted text.</returns>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        foreach (var secret in _configured is null ? _secrets : _secrets.Concat(_configured.Current))
        {
            if (result.Contains(secret, StringComparison.Ordinal))
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        if (result.Contains('=', StringComparison.Ordinal))
        {
            result = QuerySecret().Replace(result, m => m.Groups[2].Value == Mask ? m.Value : m.Groups[1].Value + Mask);
            result = ConnectionStringSecret().Replace(result, m => m.Groups[1].Value + Mask);
        }

        if (result.Contains(':', StringComparison.Ordinal))
        {
            result = HeaderSecret().Replace(result, m => m.Groups[1].Value + Mask);
        }

        return ReferenceEquals(result, text) || result == text ? text : result;
    }

    /// <summary>True when <paramref name="text"/> holds something <see cref="Redact"/> would mask.</summary>
    /// <param name="text">Log text.</param>
    /// <returns>True when redaction changes it.</returns>
    public bool HasSecret(string text) => !ReferenceEquals(Redact(text), text);

    [GeneratedRegex(@"(?i)([?&](?:code|sig|key|token|access_token|api[-_]?key)=)([^&\s""'#<>]*)", RegexOptions.CultureInvariant)]
    private static partial Regex QuerySecret();

    [GeneratedRegex(@"(?i)\b(AccountKey=|SharedAccessSignature=|SharedAccessKey=)[^;\s""']+", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringSecret();

    [GeneratedRegex(@"(?i)\b((?:x-functions-key|x-ms-client-principal(?:-name|-id|-idp)?|x-ms-token-[a-z0-9-]+|authorization|proxy-authorization|x-api-key)""?\s*[:=]\s*""?)[^""\r\n,;}\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSecret();
}
