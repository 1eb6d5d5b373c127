using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace Serverless.Storage;

/// <summary>
/// Where the product tables live and how to sign in, read from settings the way the Azure Functions host reads
/// its storage connection: a connection string in <c>AzureWebJobsStorage</c> (<c>UseDevelopmentStorage=true</c>,
/// an account key, an explicit <c>TableEndpoint</c> on any port, or a SAS), or the identity-based settings
/// <c>AzureWebJobsStorage__tableServiceUri</c> / <c>AzureWebJobsStorage__accountName</c> (optionally
/// <c>__clientId</c> for a user-assigned identity) signed in with <see cref="DefaultAzureCredential"/>.
/// </summary>
public sealed class TableStorageConnection
{
    private readonly string? _connectionString;
    private readonly TokenCredential? _credential;

    private TableStorageConnection(Uri endpoint, string authentication, string? connectionString, TokenCredential? credential)
    {
        TableEndpoint = endpoint;
        Authentication = authentication;
        _connectionString = connectionString;
        _credential = credential;
    }

    /// <summary>The Table service endpoint, e.g. <c>http://127.0.0.1:10002/devstoreaccount1</c>; never holds a secret.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>How requests are signed: <c>account key</c>, <c>shared access signature</c> or <c>DefaultAzureCredential</c>.</summary>
    public string Authentication { get; }

    /// <summary>Reads the connection named <paramref name="name"/> from settings.</summary>
    /// <param name="setting">Looks a setting up by name; both <c>name:key</c> and <c>name__key</c> forms are asked.</param>
    /// <param name="name">The connection's name, <c>AzureWebJobsStorage</c> by default.</param>
    /// <returns>The connection, or null when none of its settings is present (the embedded SQLite store applies).</returns>
    /// <exception cref="ArgumentException">A setting is present but malformed; the message never repeats a key.</exception>
    public static TableStorageConnection? FromSettings(Func<string, string?> setting, string name = "AzureWebJobsStorage")
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (setting(name) is { Length: > 0 } connectionString)
        {
            return FromConnectionString(connectionString, name);
        }

        string? Part(string key) => setting(name + ":" + key) is { Length: > 0 } a ? a : setting(name + "__" + key) is { Length: > 0 } b ? b : null;
        Uri endpoint;
        if (Part("tableServiceUri") is { } uri)
        {
            endpoint = Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : throw new ArgumentException($"{name}__tableServiceUri must be an absolute http(s) URI, not '{uri}'.", nameof(setting));
        }
        else if (Part("accountName") is { } account)
        {
            endpoint = Uri.TryCreate($"https://{account}.table.core.windows.net", UriKind.Absolute, out var parsed) && parsed.Host.Split('.')[0] == account
                ? parsed
                : throw new ArgumentException($"{name}__accountName '{account}' is not a storage account name.", nameof(setting));
        }
        else
        {
            return null;
        }

        var options = new DefaultAzureCredentialOptions();
        if (Part("clientId") is { } clientId)
        {
            options.ManagedIdentityClientId = clientId;
        }

        return new TableStorageConnection(endpoint, "DefaultAzureCredential", null, new DefaultAzureCredential(options));
    }

    /// <summary>Reads a storage connection string as the Azure SDK does.</summary>
    /// <param name="connectionString">E.g. <c>UseDevelopmentStorage=true</c> or <c>DefaultEndpointsProtocol=http;AccountName=…;AccountKey=…;TableEndpoint=http://127.0.0.1:10102/devstoreaccount1</c>.</param>
    /// <param name="settingName">The setting it came from, for the error message.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ArgumentException">The string is malformed; the message never repeats it.</exception>
    public static TableStorageConnection FromConnectionString(string connectionString, string settingName = "AzureWebJobsStorage")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        TableServiceClient client;
        try
        {
            client = new TableServiceClient(connectionString);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or UriFormatException)
        {
            // The SDK's messages may quote the string, key included; ours names the setting only.
            throw new ArgumentException(
                $"{settingName} is not a storage connection string the Tables SDK understands (UseDevelopmentStorage=true, "
                + "AccountName and AccountKey, or a TableEndpoint with a key or SharedAccessSignature).",
                nameof(connectionString));
        }

        var authentication = connectionString.Contains("SharedAccessSignature", StringComparison.OrdinalIgnoreCase) ? "shared access signature" : "account key";
        return new TableStorageConnection(client.Uri, authentication, connectionString, null);
    }

    /// <summary>A client for the service; each call makes a new one.</summary>
    /// <param name="options">Pipeline options (retries, transport); defaults when null.</param>
    /// <returns>The client.</returns>
    public TableServiceClient CreateServiceClient(TableClientOptions? options = null) => _credential is null
        ? new TableServiceClient(_connectionString, options ?? new TableClientOptions())
        : new TableServiceClient(TableEndpoint, _credential, options ?? new TableClientOptions());

    /// <summary>The endpoint and how requests are signed; safe for logs and banners (no key, no token).</summary>
    /// <returns>E.g. <c>http://127.0.0.1:10002/devstoreaccount1 (account key)</c>.</returns>
    public override string ToString() => $"{TableEndpoint} ({Authentication})";
}
