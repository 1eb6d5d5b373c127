using Microsoft.Extensions.Configuration;
using Serverless.Secrets;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed class LocalSettingsFileTests
{
    [Fact]
    public void AddTo_DoubleUnderscoreName_ReadAsSectionAsFuncStartExportsIt()
    {
        using var folder = new TempFolder("settings");
        Directory.CreateDirectory(folder.Path);
        var file = folder.File("local.settings.json");
        File.WriteAllText(file, """{ "Values": { "Secrets__SHOP_TOKEN": "from-file-123", "TaskHubName": "Hub" } }""");
        var configuration = new ConfigurationManager();

        LocalSettingsFile.AddTo(configuration, file, []);

        Assert.True(new ConfigurationSecretSource(configuration).TryGet("SHOP_TOKEN", out var value));
        Assert.Equal("from-file-123", value);
        Assert.Equal("Hub", configuration["TaskHubName"]);
    }
}
