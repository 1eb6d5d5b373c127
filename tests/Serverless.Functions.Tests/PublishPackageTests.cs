using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using Serverless.Functions.Tests.Guards;
using Serverless.Functions.Tests.Infrastructure;

namespace Serverless.Functions.Tests;

/// <summary>
/// <c>dotnet publish src/Functions -c Release</c> gives what the Azure Functions host loads: the worker's
/// <c>worker.config.json</c>, the generated <c>functions.metadata</c> (every function, each entry point present in the
/// published assembly), <c>extensions.json</c> naming the Durable extension with its assemblies in
/// <c>.azurefunctions</c>, and the repository's <c>host.json</c>; never a <c>local.settings.json</c>.
/// </summary>
public sealed class PublishPackageTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    [Fact]
    public void Publish_ReleaseBuild_Succeeds()
    {
        Assert.True(app.Run.ExitCode == 0, $"dotnet publish failed ({app.Run.ExitCode}):{Environment.NewLine}{app.Run.Output}{app.Run.Error}");
        Assert.True(File.Exists(app.File("Serverless.Functions.dll")), "The worker assembly is missing from the publish output.");
    }

    [Fact]
    public void WorkerConfig_NamesIsolatedWorkerAndItsAssembly()
    {
        var description = ReadJson("worker.config.json")["description"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("dotnet", (string?)description["defaultExecutablePath"]);
        Assert.Equal("Serverless.Functions.dll", (string?)description["defaultWorkerPath"]);
        Assert.Equal("true", (string?)description["workerIndexing"]);
        Assert.True(File.Exists(app.File((string)description["defaultWorkerPath"]!)));
    }

    [Fact]
    public void RuntimeConfig_TargetsNet10()
    {
        var framework = ReadJson("Serverless.Functions.runtimeconfig.json")["runtimeOptions"]!;

        Assert.Equal("net10.0", (string?)framework["tfm"]);
    }

    [Fact]
    public void FunctionsMetadata_Published_MatchesRegistriesAndBuild()
    {
        var published = ReadJson("functions.metadata").AsArray();
        var built = FunctionsMetadata.LoadBuilt();

        var problems = DriftGuard.Check(FunctionsMetadata.Read(published), ProductRegistrations.Current, checkImplementations: false);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(Names(built), Names(published));
    }

    [Fact]
    public void FunctionsMetadata_EveryEntryPoint_IsAPublicMethodOfThePublishedAssembly()
    {
        var published = ReadJson("functions.metadata").AsArray();
        var methods = PublicMethods(app.File("Serverless.Functions.dll"));

        var missing = published
            .Where(f => (string?)f!["scriptFile"] != "Serverless.Functions.dll" || !methods.Contains((string)f["entryPoint"]!))
            .Select(f => $"{(string?)f!["name"]}: {(string?)f["scriptFile"]} {(string?)f["entryPoint"]}")
            .ToList();

        Assert.True(missing.Count == 0, "Not in the published assembly:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void ExtensionsJson_NamesDurableExtensionWithItsAssemblies()
    {
        var extensions = ReadJson("extensions.json")["extensions"]!.AsArray();

        var durable = Assert.Single(extensions, e => (string?)e!["name"] == "DurableTask")!;
        Assert.StartsWith(
            "Microsoft.Azure.WebJobs.Extensions.DurableTask.DurableTaskWebJobsStartup, Microsoft.Azure.WebJobs.Extensions.DurableTask,",
            (string?)durable["typeName"],
            StringComparison.Ordinal);
        Assert.All(extensions, e =>
        {
            var hint = (string)e!["hintPath"]!;
            Assert.StartsWith("./.azurefunctions/", hint, StringComparison.Ordinal);
            Assert.True(File.Exists(app.File(hint)), $"extensions.json points at {hint}, which was not published.");
        });
        Assert.True(File.Exists(app.File(".azurefunctions", "DurableTask.AzureStorage.dll")), "The default Durable storage provider is not in .azurefunctions.");
    }

    [Fact]
    public void HostJson_IsTheRepositoryFile()
    {
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")),
            File.ReadAllText(app.File("host.json")));
    }

    [Fact]
    public void Output_HasNoLocalSettings()
    {
        Assert.False(File.Exists(app.File("local.settings.json")), "local.settings.json (local secrets) must never be deployed.");
    }

    private JsonNode ReadJson(string name)
    {
        var path = app.File(name);
        Assert.True(File.Exists(path), $"{name} is missing from the publish output ({app.Run.ExitCode}):{Environment.NewLine}{app.Run.Output}");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static List<string> Names(JsonArray metadata) =>
        [.. metadata.Select(f => (string)f!["name"]!).Order(StringComparer.Ordinal)];

    // "Namespace.Type.Method" (nested types joined with '.') for every public method of every public type.
    private static HashSet<string> PublicMethods(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var methods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & System.Reflection.TypeAttributes.VisibilityMask) is not (System.Reflection.TypeAttributes.Public or System.Reflection.TypeAttributes.NestedPublic))
            {
                continue;
            }

            var typeName = FullName(reader, type);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if ((method.Attributes & System.Reflection.MethodAttributes.MemberAccessMask) == System.Reflection.MethodAttributes.Public)
                {
                    methods.Add($"{typeName}.{reader.GetString(method.Name)}");
                }
            }
        }

        return methods;
    }

    private static string FullName(MetadataReader reader, TypeDefinition type)
    {
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil
            ? $"{reader.GetString(type.Namespace)}.{name}"
            : $"{FullName(reader, reader.GetTypeDefinition(declaring))}.{name}";
    }
}
