using Serverless.Tables;

namespace Serverless.Tests.Tables;

public sealed class TableConnectionStringTests
{
    [Fact]
    public void Parse_UseDevelopmentStorage_PointsAtAzuriteWithWellKnownAccount()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(TableConnectionString.DevelopmentAccountKey, parsed.AccountKey);
    }

    [Fact]
    public void Parse_AccountWithDefaults_BuildsHttpsCoreWindowsEndpoint()
    {
        var parsed = TableConnectionString.Parse("AccountName=acct;AccountKey=a2V5");

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), parsed.TableEndpoint);
        Assert.Equal("a2V5", parsed.AccountKey);
    }

    [Fact]
    public void Parse_ProtocolAndSuffix_AreUsedCaseInsensitively()
    {
        var parsed = TableConnectionString.Parse(" defaultendpointsprotocol=http ; AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn;");

        Assert.Equal(new Uri("http://acct.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitTableEndpoint_WinsAndLosesTrailingSlash()
    {
        var parsed = TableConnectionString.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1/;");

        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", parsed.TableEndpoint.AbsoluteUri);
    }

    [Theory]
    [InlineData("AccountName=acct", "AccountKey")]
    [InlineData("AccountKey=a2V5", "AccountName")]
    [InlineData("AccountName=acct;AccountKey=not base64!", "Base64")]
    [InlineData("AccountName=acct;AccountKey=a2V5;TableEndpoint=ftp://x", "TableEndpoint")]
    [InlineData("AccountName=acct;AccountKey=a2V5;DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=acct;garbage", "'garbage'")]
    [InlineData("AccountName=a;AccountName=b;AccountKey=a2V5", "twice")]
    [InlineData("TableEndpoint=https://x;SharedAccessSignature=sv=1", "SharedAccessSignature")]
    public void Parse_Malformed_ThrowsNamingTheProblem(string connectionString, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => TableConnectionString.Parse(connectionString));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverPrintsTheKey()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.DoesNotContain(TableConnectionString.DevelopmentAccountKey, parsed.ToString(), StringComparison.Ordinal);
    }
}
