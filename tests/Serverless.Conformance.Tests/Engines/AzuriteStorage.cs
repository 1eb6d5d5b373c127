using System.Net.Sockets;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>
/// Azurite's Blob, Queue and Table endpoints (<c>AZURITE_BLOB_ENDPOINT</c>, <c>AZURITE_QUEUE_ENDPOINT</c>,
/// <c>AZURITE_TABLE_ENDPOINT</c>, exported by .ci/run) for the AzureStorage engine, which needs all three.
/// </summary>
public static class AzuriteStorage
{
    // Azurite's single built-in account; its key is published in Azurite's documentation (not a secret).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<bool> s_reachable = new(() => Endpoints.All(Probe));

    /// <summary>Blob, Queue and Table endpoints, defaulting to Azurite's standard ports.</summary>
    public static Uri Blob { get; } = Endpoint("AZURITE_BLOB_ENDPOINT", 10000);

    /// <inheritdoc cref="Blob" />
    public static Uri Queue { get; } = Endpoint("AZURITE_QUEUE_ENDPOINT", 10001);

    /// <inheritdoc cref="Blob" />
    public static Uri Table { get; } = Endpoint("AZURITE_TABLE_ENDPOINT", 10002);

    /// <summary>A storage connection string naming the three endpoints.</summary>
    public static string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={Blob};QueueEndpoint={Queue};TableEndpoint={Table};";

    /// <summary>Null when Azurite answers or CI requires it (then a missing Azurite fails the tests); otherwise why they skip.</summary>
    public static string? SkipReason =>
        s_reachable.Value || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Azurite (blob {Blob}, queue {Queue}, table {Table}) is not reachable; run .ci/run or export the AZURITE_*_ENDPOINT variables. Skipped because CI is not 'true'.";

    private static IEnumerable<Uri> Endpoints => [Blob, Queue, Table];

    private static Uri Endpoint(string variable, int defaultPort) =>
        new(Environment.GetEnvironmentVariable(variable) is { Length: > 0 } e ? e : $"http://127.0.0.1:{defaultPort}/{AccountName}");

    private static bool Probe(Uri endpoint)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(endpoint.Host, endpoint.Port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
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
