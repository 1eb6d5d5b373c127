using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Serverless.Functions.Tests.Guards;

/// <summary>
/// Compiles <c>src/Functions</c> as its project would (net10.0 console app, nullable, implicit usings,
/// XML docs) against the real assemblies this test process loaded: the Functions worker packages and ours.
/// </summary>
internal static class FunctionsCompilation
{
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

    /// <summary>Compiles the given sources.</summary>
    public static CSharpCompilation Compile(FunctionsSource source)
    {
        var trees = source.Files.Select(file => CSharpSyntaxTree.ParseText(file.Value, ParseOptions, path: file.Key))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "ImplicitUsings.g.cs"));
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable);
        return CSharpCompilation.Create("Serverless.Functions", trees, References.Value, options);
    }

    /// <summary>True for a tree of <c>src/Functions</c> (not the implicit usings).</summary>
    public static bool IsFunctionsFile(string path) => path != "ImplicitUsings.g.cs";

    // Everything this process can load: the shared framework (with ASP.NET Core), our assemblies and their packages.
    private static IReadOnlyList<MetadataReference> LoadReferences() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path))];
}
