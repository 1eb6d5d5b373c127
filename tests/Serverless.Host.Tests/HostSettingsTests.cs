using Microsoft.Extensions.Configuration;
using Serverless.Api.Access;
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

    [Fact]
    public void Read_NamedKeys_ReadsNameValueAndRoles()
    {
        var keys = Read(new() { ["Keys:ci:Key"] = "ci-key-0123456789abcdef", ["Keys:ci:Roles"] = "Author, operator" }).Keys;

        var key = Assert.Single(keys);
        Assert.Equal("ci", key.Name);
        Assert.Equal(new HashSet<ApiRole> { ApiRole.Author, ApiRole.Operator }, key.Roles.ToHashSet());
    }

    [Theory]
    [InlineData("ci", "short", "reader", "Keys__ci__Key must hold a key of at least 16 characters")]
    [InlineData("ci", "ci-key-0123456789abcdef", "", "Keys__ci__Roles must name at least one role")]
    [InlineData("ci", "ci-key-0123456789abcdef", "reader,root", "Keys__ci__Roles: 'root' is not a role")]
    [InlineData("admin", "admin-key-0123456789abcdef", "reader", "Keys__admin: a key's name is")]
    [InlineData("a b", "ab-key-0123456789abcdef", "reader", "Keys__a b: a key's name is")]
    public void Read_NamedKeyInvalid_ThrowsNamingTheSettingNotTheValue(string name, string key, string roles, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new() { [$"Keys:{name}:Key"] = key, [$"Keys:{name}:Roles"] = roles }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTo_LocalSettingsNamedKey_NestsLikeAnEnvironmentVariable()
    {
        using var folder = new Serverless.Tests.Infrastructure.TempFolder("settings");
        Directory.CreateDirectory(folder.Path);
        var path = Path.Combine(folder.Path, "local.settings.json");
        File.WriteAllText(path, """{ "Values": { "Keys__ci__Key": "ci-key-0123456789abcdef", "Keys__ci__Roles": "operator" } }""");
        var configuration = new ConfigurationManager();

        LocalSettingsFile.AddTo(configuration, path, []);

        Assert.Equal("ci", Assert.Single(HostSettings.Read(configuration, folder.Path).Keys).Name);
    }

    private static HostSettings Read(Dictionary<string, string?> values) =>
        HostSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath());
}
