namespace Serverless.Tables;

/// <summary>
/// The parts of a storage connection string that the Table client needs. Understands
/// <c>UseDevelopmentStorage=true</c>, <c>AccountName/AccountKey</c> with <c>DefaultEndpointsProtocol</c> and
/// <c>EndpointSuffix</c>, and an explicit <c>TableEndpoint</c>.
/// </summary>
public sealed record TableConnectionString(Uri TableEndpoint, string AccountName, string AccountKey)
{
    /// <summary>Azurite's (and the old emulator's) well-known, public development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known key of <see cref="DevelopmentAccountName"/>; public, not a secret.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The credential that signs requests for this account.</summary>
    public TableSharedKeyCredential Credential => new(AccountName, AccountKey);

    /// <summary>Names the endpoint and account but never prints the key.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() => $"TableEndpoint={TableEndpoint};AccountName={AccountName}";

    /// <summary>Parses a connection string.</summary>
    /// <param name="connectionString">The <c>key=value;…</c> string.</param>
    /// <returns>The table endpoint and account credential.</returns>
    /// <exception cref="ArgumentException">The string is malformed or lacks what a Table client needs.</exception>
    public static TableConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = Split(connectionString);
        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            return new TableConnectionString(
                new Uri("http://127.0.0.1:10002/" + DevelopmentAccountName), DevelopmentAccountName, DevelopmentAccountKey);
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw new ArgumentException("SharedAccessSignature connection strings are not supported; use an account key or a TokenCredential.", nameof(connectionString));
        }

        var name = Required(parts, "AccountName", connectionString);
        var key = Required(parts, "AccountKey", connectionString);
        _ = new TableSharedKeyCredential(name, key);
        return new TableConnectionString(Endpoint(parts, name), name, key);
    }

    private static Uri Endpoint(Dictionary<string, string> parts, string accountName)
    {
        if (parts.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            return Uri.TryCreate(explicitEndpoint.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new ArgumentException($"TableEndpoint '{explicitEndpoint}' is not an absolute http(s) URI.", "connectionString");
        }

        var scheme = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"DefaultEndpointsProtocol must be http or https, not '{scheme}'.", "connectionString");
        }

        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new Uri($"{scheme}://{accountName}.table.{suffix}");
    }

    private static string Required(Dictionary<string, string> parts, string key, string connectionString) =>
        parts.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new ArgumentException($"The connection string has no {key}.", nameof(connectionString));

    private static Dictionary<string, string> Split(string connectionString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"Connection string segment '{segment}' is not key=value.", nameof(connectionString));
            }

            if (!parts.TryAdd(segment[..eq].Trim(), segment[(eq + 1)..].Trim()))
            {
                throw new ArgumentException($"Connection string key '{segment[..eq].Trim()}' appears twice.", nameof(connectionString));
            }
        }

        return parts;
    }
}
