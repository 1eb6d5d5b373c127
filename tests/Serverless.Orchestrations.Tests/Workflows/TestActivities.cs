using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Runtime.Registration;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>Registers JSON-in, JSON-out lambda activities without overload ambiguity.</summary>
internal static class TestActivities
{
    public static TaskRegistry AddJson(this TaskRegistry registry, string name, Func<JsonNode?, JsonNode?> run) =>
        registry.AddActivityFunc(name, (Func<TaskActivityContext, JsonNode?, JsonNode?>)((_, input) => run(input)));

    public static TaskRegistry AddJsonAsync(this TaskRegistry registry, string name, Func<JsonNode?, Task<JsonNode?>> run) =>
        registry.AddActivityFunc(name, (Func<TaskActivityContext, JsonNode?, Task<JsonNode?>>)((_, input) => run(input)));
}
