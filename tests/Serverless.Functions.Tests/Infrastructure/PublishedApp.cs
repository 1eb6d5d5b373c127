using System.Collections;
using Serverless.Functions.Tests.Guards;
using Serverless.Tests.Infrastructure;

namespace Serverless.Functions.Tests.Infrastructure;

/// <summary>
/// <c>dotnet publish src/Functions -c Release</c> run once into a temp folder, as a deployment would (azd and
/// <c>func azure functionapp publish</c> both deploy this output).
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    // A cold Release build of five projects plus the Worker SDK's extension project; generous for a loaded 2-core CI machine.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    private readonly TempFolder _folder = new("functions-publish");

    /// <summary>The publish output folder.</summary>
    public string Folder => _folder.File("out");

    /// <summary>What <c>dotnet publish</c> printed and returned.</summary>
    internal ProcessRun Run { get; private set; } = new(-1, string.Empty, string.Empty);

    /// <summary>A file of the output.</summary>
    public string File(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Run = await ProcessRun.RunAsync(
            "dotnet",
            ["publish", Path.Combine("src", "Functions"), "-c", "Release", "-o", Folder, "--nologo", "--disable-build-servers"],
            RepositoryRoot.Path,
            WithoutOuterBuildVariables(),
            Limit);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    // `dotnet test` hands MSBuild's own variables to the test host; a nested build must start from a clean slate.
    private static Dictionary<string, string?> WithoutOuterBuildVariables()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            {
                variables[name] = null;
            }
        }

        return variables;
    }
}
