using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Serverless.Functions.Tests.Guards;

/// <summary>
/// Analyzer configuration as the build sees it for <c>src/Functions</c>: the SDK's global config for
/// <c>AnalysisLevel</c> latest and every <c>.editorconfig</c> from the file's folder up to the repository root.
/// Trees are named relative to <c>src/Functions</c>; lookups use their real path.
/// </summary>
internal sealed class RepositoryAnalyzerConfig
{
    private readonly AnalyzerConfigSet _set;
    private readonly string _functionsFolder = Path.Combine(RepositoryRoot.Path, "src", "Functions");

    private RepositoryAnalyzerConfig(AnalyzerConfigSet set)
    {
        _set = set;
        SeverityProvider = new Severities(this);
        OptionsProvider = new OptionsByTree(this);
    }

    /// <summary>Diagnostic severities per tree (editorconfig) and global (analysis level).</summary>
    public SyntaxTreeOptionsProvider SeverityProvider { get; }

    /// <summary>Option values the analyzers read (code-style preferences).</summary>
    public AnalyzerConfigOptionsProvider OptionsProvider { get; }

    /// <summary>Reads the configuration.</summary>
    /// <param name="sdkFolder">The SDK whose analysis-level global config applies.</param>
    public static RepositoryAnalyzerConfig Create(string sdkFolder)
    {
        var level = Path.Combine(sdkFolder, "Sdks", "Microsoft.NET.Sdk", "analyzers", "build", "config", "analysislevel_10_default.globalconfig");
        var editorConfigs = new List<string>();
        for (var folder = new DirectoryInfo(Path.Combine(RepositoryRoot.Path, "src", "Functions")); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, ".editorconfig");
            if (File.Exists(file))
            {
                editorConfigs.Add(file);
            }

            if (folder.FullName == RepositoryRoot.Path)
            {
                break;
            }
        }

        var configs = editorConfigs.Append(level).Select(path => AnalyzerConfig.Parse(File.ReadAllText(path), path)).ToList();
        return new RepositoryAnalyzerConfig(AnalyzerConfigSet.Create(configs));
    }

    private AnalyzerConfigOptionsResult For(SyntaxTree tree) => _set.GetOptionsForSourcePath(Path.Combine(_functionsFolder, tree.FilePath));

    private sealed class Severities(RepositoryAnalyzerConfig config) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            config.For(tree).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            config._set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class OptionsByTree(RepositoryAnalyzerConfig config) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(config._set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(config.For(tree).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
