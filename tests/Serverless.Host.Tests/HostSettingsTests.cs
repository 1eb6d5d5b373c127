using Microsoft.Extensions.Configuration;
using Serverless.Host;
using Serverless.Host.Durable;

namespace Serverless.Host.Tests;

public sealed class HostSettingsTests
{
    [Fact]
    public void Read_DurableEngineUnset_IsEmbedded() =>
        Assert.Equal(DurableEngine.Embedded, Read([]).DurableEngine);

    [Fact]
    public void Read_DurableEngineAzureStorageWithStorage_IsAzureStorage() =>
        Assert.Equal(DurableEngine.AzureStorage, Read(new() { ["DurableEngine"] = "azurestorage", ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }).DurableEngine);

    [Fact]
    public void Read_DurableEngineAzureStorageWithoutStorage_ThrowsNamingBothSettings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new() { ["DurableEngine"] = "AzureStorage" }));

        Assert.Contains("DurableEngine=AzureStorage needs AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Netherite")]
    [InlineData("1")]
    public void Read_DurableEngineUnknown_ThrowsNamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new() { ["DurableEngine"] = value, ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));

        Assert.Equal($"Setting DurableEngine must be Embedded or AzureStorage, not '{value}'.", error.Message);
    }

    private static HostSettings Read(Dictionary<string, string?> values) =>
        HostSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath());
}
