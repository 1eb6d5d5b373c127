using System.Reflection;
using System.Text.Json.Nodes;

namespace Serverless.Functions.Tests.Guards;

/// <summary>
/// The <c>functions.metadata</c> the Functions Worker SDK generates into src/Functions' build output: what the
/// Functions host reads to index the app. Each entry becomes a <see cref="FunctionBinding"/> for <see cref="DriftGuard"/>.
/// </summary>
internal static class FunctionsMetadata
{
    /// <summary>The Functions app's build output folder (set by the test project).</summary>
    public static string OutputFolder { get; } = typeof(FunctionsMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FunctionsOutput").Value!;

    /// <summary>The generated file as built.</summary>
    public static JsonArray LoadBuilt()
    {
        var path = Path.Combine(OutputFolder, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK did not generate it (is src/Functions built?).");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    /// <summary>Reads each function's trigger, with the fields the guard compares.</summary>
    public static IReadOnlyList<FunctionBinding> Read(JsonArray metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var bindings = new List<FunctionBinding>();
        foreach (var function in metadata)
        {
            var name = (string)function!["name"]!;
            var where = $"functions.metadata: {(string?)function["entryPoint"]}";
            var trigger = function["bindings"]!.AsArray().FirstOrDefault(b => ((string?)b!["type"])?.EndsWith("Trigger", StringComparison.Ordinal) == true);
            var kind = (string?)trigger?["type"] switch
            {
                "orchestrationTrigger" => BindingKind.Orchestrator,
                "activityTrigger" => BindingKind.Activity,
                "httpTrigger" => BindingKind.Http,
                "timerTrigger" => BindingKind.Timer,
                _ => BindingKind.Unknown,
            };
            bindings.Add(new FunctionBinding(name, kind, where)
            {
                Methods = [.. (trigger?["methods"]?.AsArray() ?? []).Select(m => ((string)m!).ToUpperInvariant()).Order(StringComparer.Ordinal)],
                Route = (string?)trigger?["route"],
                AuthorizationLevel = (string?)trigger?["authLevel"],
                Schedule = (string?)trigger?["schedule"],
            });
        }

        return bindings;
    }
}
