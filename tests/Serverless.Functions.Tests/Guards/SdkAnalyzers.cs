using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Serverless.Functions.Tests.Guards;

/// <summary>
/// The analyzers the real build runs on <c>src/Functions</c> (the .NET SDK's code-quality and code-style
/// analyzers, <c>AnalysisLevel</c> latest, <c>EnforceCodeStyleInBuild</c>), configured by the repository's
/// <c>.editorconfig</c>, loaded from the SDK that runs this test.
/// </summary>
internal static class SdkAnalyzers
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(Load);

    /// <summary>Folder of the newest .NET 10 SDK next to the running runtime.</summary>
    public static string SdkFolder { get; } = FindSdk();

    /// <summary>Analyzer warnings and errors in <c>src/Functions</c> files, as the build would report them.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        var configuration = RepositoryAnalyzerConfig.Create(SdkFolder);
        var configured = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(configuration.SeverityProvider));
        var diagnostics = await configured
            .WithAnalyzers(Analyzers.Value, new AnalyzerOptions([], configuration.OptionsProvider))
            .GetAnalyzerDiagnosticsAsync();
        return [.. diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error)
            .Where(d => d.Location.SourceTree?.FilePath is { } path && FunctionsCompilation.IsFunctionsFile(path))
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)];
    }

    private static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        var loader = new PathLoader();
        var sdk = Path.Combine(SdkFolder, "Sdks", "Microsoft.NET.Sdk");
        string[] files =
        [
            Path.Combine(sdk, "analyzers", "Microsoft.CodeAnalysis.NetAnalyzers.dll"),
            Path.Combine(sdk, "analyzers", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"),
            Path.Combine(sdk, "codestyle", "cs", "Microsoft.CodeAnalysis.CodeStyle.dll"),
            Path.Combine(sdk, "codestyle", "cs", "Microsoft.CodeAnalysis.CSharp.CodeStyle.dll"),
        ];
        return [.. files.SelectMany(file => new AnalyzerFileReference(file, loader).GetAnalyzers(LanguageNames.CSharp))];
    }

    private static string FindSdk()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> .../dotnet
        var root = Directory.GetParent(typeof(object).Assembly.Location)!.Parent!.Parent!.Parent!.FullName;
        return Directory.EnumerateDirectories(Path.Combine(root, "sdk"), "10.*")
            .Where(folder => Directory.Exists(Path.Combine(folder, "Sdks", "Microsoft.NET.Sdk", "analyzers")))
            .OrderBy(folder => Version.TryParse(Path.GetFileName(folder).Split('-')[0], out var version) ? version : new Version())
            .LastOrDefault() ?? throw new InvalidOperationException($"No .NET 10 SDK with analyzers under {root}/sdk.");
    }

    private sealed class PathLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
