using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Storage;

public sealed class TableStorageConnectionTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void FromSettings_NothingSet_ReturnsNullAndTheFactoryUsesSqlite()
    {
        using var folder = new TempFolder("factory");

        var connection = TableStorageConnection.FromSettings(_ => null);
        var store = TableStoreFactory.Create(connection, folder.File("data", "tables.db"));

        Assert.Null(connection);
        Assert.IsType<SqliteTableStore>(store);
        Assert.True(File.Exists(folder.File("data", "tables.db")));
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", "http://127.0.0.1:10002/devstoreaccount1")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=" + Key + ";EndpointSuffix=core.windows.net", "https://contoso.table.core.windows.net/")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Key + ";TableEndpoint=http://127.0.0.1:10102/devstoreaccount1", "http://127.0.0.1:10102/devstoreaccount1")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=" + Key + ";TableEndpoint=http://localhost:49152/devstoreaccount1;BlobEndpoint=http://localhost:49150/devstoreaccount1", "http://localhost:49152/devstoreaccount1")]
    public void FromSettings_ConnectionString_TargetsItsTableEndpointWithTheAccountKey(string connectionString, string endpoint)
    {
        var connection = TableStorageConnection.FromSettings(name => name == "AzureWebJobsStorage" ? connectionString : null)!;

        Assert.Equal(new Uri(endpoint), connection.TableEndpoint);
        Assert.Equal(new Uri(endpoint), connection.CreateServiceClient().Uri);
        Assert.Equal("account key", connection.Authentication);
        Assert.DoesNotContain(Key, connection.ToString(), StringComparison.Ordinal);
        Assert.IsType<AzureTableStore>(TableStoreFactory.Create(connection, Path.Combine(Path.GetTempPath(), "unused.db")));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:accountName", "contoso", "https://contoso.table.core.windows.net/")]
    [InlineData("AzureWebJobsStorage__accountName", "contoso", "https://contoso.table.core.windows.net/")]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "https://contoso.table.core.windows.net", "https://contoso.table.core.windows.net/")]
    [InlineData("AzureWebJobsStorage__tableServiceUri", "https://tables.example.net:8443/contoso", "https://tables.example.net:8443/contoso")]
    public void FromSettings_IdentityBased_UsesDefaultAzureCredentialOnTheNamedEndpoint(string setting, string value, string endpoint)
    {
        var connection = TableStorageConnection.FromSettings(name => name == setting ? value : null)!;

        Assert.Equal(new Uri(endpoint), connection.TableEndpoint);
        Assert.Equal("DefaultAzureCredential", connection.Authentication);
        Assert.Equal(new Uri(endpoint), connection.CreateServiceClient().Uri);
    }

    [Fact]
    public void FromSettings_ConnectionStringAndIdentitySettings_ConnectionStringWins()
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["AzureWebJobsStorage__accountName"] = "contoso",
        };

        var connection = TableStorageConnection.FromSettings(settings.GetValueOrDefault)!;

        Assert.Equal("account key", connection.Authentication);
        Assert.Equal(10002, connection.TableEndpoint.Port);
    }

    [Theory]
    [InlineData("AccountName=x")]
    [InlineData("AccountKey=" + Key)]
    [InlineData("not a connection string")]
    public void FromConnectionString_Malformed_ThrowsWithoutRepeatingTheKey(string connectionString)
    {
        var e = Assert.Throws<ArgumentException>(() => TableStorageConnection.FromConnectionString(connectionString));

        Assert.Contains("AzureWebJobsStorage", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__tableServiceUri", "not-a-uri")]
    [InlineData("AzureWebJobsStorage__tableServiceUri", "ftp://contoso.table.core.windows.net")]
    [InlineData("AzureWebJobsStorage__accountName", "bad/name")]
    public void FromSettings_MalformedIdentitySetting_ThrowsNamingTheSetting(string setting, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => TableStorageConnection.FromSettings(name => name == setting ? value : null));

        Assert.Contains("AzureWebJobsStorage__", e.Message, StringComparison.Ordinal);
    }
}
