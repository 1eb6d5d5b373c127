using System.Net.Sockets;
using Azure.Data.Tables;
using Serverless.Storage;

namespace Serverless.Tests.Infrastructure;

/// <summary>
/// Where the Azurite Table endpoint is (<c>AZURITE_TABLE_ENDPOINT</c>) and whether it answers. Without Azurite the
/// Azurite tests are skipped, except under <c>CI=true</c>, where they must run and therefore fail.
/// </summary>
public static class AzuriteEnvironment
{
    public const string EndpointVariable = "AZURITE_TABLE_ENDPOINT";

    private static readonly Lazy<bool> s_reachable = new(Probe);

    public static Uri Endpoint { get; } = new(
        Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } e ? e : "http://127.0.0.1:10002/devstoreaccount1");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the tests should run; otherwise why they are skipped.</summary>
    public static string? SkipReason => s_reachable.Value || IsCi
        ? null
        : $"Azurite is not reachable at {Endpoint} (set {EndpointVariable} or run .ci/run); skipped because CI is not 'true'.";

    /// <summary>Azurite's well-known development account (public, not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The development account's well-known key (public, not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TableSharedKeyCredential Credential { get; } = new(AccountName, AccountKey);

    /// <summary>A connection string with an explicit TableEndpoint, as a Functions user writes one for Azurite on any port.</summary>
    public static string ConnectionString { get; } =
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={Endpoint}";

    /// <summary>Throws a clear message when Azurite is needed (CI) but not there.</summary>
    public static void EnsureReachable()
    {
        if (!s_reachable.Value)
        {
            throw new InvalidOperationException(
                $"CI=true requires Azurite at {Endpoint} but nothing answers there. Start it (see .ci/run) or set {EndpointVariable}.");
        }
    }

    public static TableServiceClient CreateServiceClient()
    {
        EnsureReachable();
        var options = new TableClientOptions();
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return TableStorageConnection.FromConnectionString(ConnectionString).CreateServiceClient(options);
    }

    /// <summary>A table name no other test uses.</summary>
    public static string UniqueTableName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];

    private static bool Probe()
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(Endpoint.Host, Endpoint.Port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
