using System.Reflection;
using System.Text.Json.Nodes;
using Serverless.Functions.Tests.Guards;

namespace Serverless.Functions.Tests.Infrastructure;

/// <summary>The Bicep compiler restored from the <c>Azure.Bicep.CommandLine.linux-x64</c> package.</summary>
internal static class BicepCli
{
    /// <summary>Path of the bicep binary, recorded at build time.</summary>
    public static string Path { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value ?? throw new InvalidOperationException("The build recorded no BicepPath.");

    /// <summary>Folder of <c>infra/</c>.</summary>
    public static string InfraFolder { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "infra");

    /// <summary>Compiles <c>infra/main.bicep</c> (linter on, <c>infra/bicepconfig.json</c> levels) to ARM JSON on stdout.</summary>
    public static Task<ProcessRun> BuildMainAsync() =>
        ProcessRun.RunAsync(Path, ["build", "main.bicep", "--stdout"], InfraFolder, new Dictionary<string, string?> { ["BICEP_TRACING_ENABLED"] = "false" });

    /// <summary>The compiled template, failing when the build printed any diagnostic.</summary>
    public static async Task<JsonNode> CompileMainAsync()
    {
        var run = await BuildMainAsync();
        if (run.ExitCode != 0 || run.Error.Length > 0)
        {
            throw new InvalidOperationException($"bicep build failed ({run.ExitCode}):{Environment.NewLine}{run.Error}");
        }

        return JsonNode.Parse(run.Output)!;
    }
}
