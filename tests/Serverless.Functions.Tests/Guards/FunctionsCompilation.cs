using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Serverless.Functions.Tests.Guards;

/// <summary>
/// Compiles <c>src/Functions</c> as its project would (net10.0 console app, nullable, implicit usings,
/// XML docs, warnings as errors) but against the declared Azure API surface in <c>ApiSurface/</c>
/// instead of the packages our feed lacks, plus the real assemblies this test process loaded.
/// </summary>
internal static class FunctionsCompilation
{
    private const string SurfacePrefix = "ApiSurface/";

    // The SDK's implicit usings for Microsoft.NET.Sdk projects.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Diagnose);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles the given sources with the declared surface.</summary>
    public static CSharpCompilation Compile(FunctionsSource source)
    {
        var trees = source.Files.Select(file => CSharpSyntaxTree.ParseText(file.Value, ParseOptions, path: file.Key))
            .Concat(SurfaceFiles().Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path: SurfacePrefix + Path.GetFileName(path))))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "ImplicitUsings.g.cs"));
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable);
        return CSharpCompilation.Create("Serverless.Functions", trees, References.Value, options);
    }

    /// <summary>
    /// What would fail the real build: every error, and every warning located in <c>src/Functions</c>
    /// (the surface stubs are not ours to lint). Analyzers: <see cref="SdkAnalyzers"/>.
    /// </summary>
    public static IReadOnlyList<Diagnostic> BuildBreakers(CSharpCompilation compilation) =>
        [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath is { } path && IsFunctionsFile(path)))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)];

    /// <summary>True for a tree of <c>src/Functions</c> (not the surface stubs or the implicit usings).</summary>
    public static bool IsFunctionsFile(string path) => !path.StartsWith(SurfacePrefix, StringComparison.Ordinal) && path != "ImplicitUsings.g.cs";

    private static IEnumerable<string> SurfaceFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "ApiSurface"), "*.cs").Order(StringComparer.Ordinal);

    // Everything this process can load: the shared framework (with ASP.NET Core), our assemblies and their packages.
    private static IReadOnlyList<MetadataReference> LoadReferences() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path))];
}
