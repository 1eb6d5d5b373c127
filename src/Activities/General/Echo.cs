using System.Text.Json.Nodes;
using Microsoft.DurableTask;

namespace Serverless.Activities.General;

/// <summary>Activity <c>echo</c>: returns its input unchanged (tests, demos, wiring checks).</summary>
public sealed class Echo : TaskActivity<JsonNode?, JsonNode?>
{
    /// <summary>The registered name.</summary>
    public const string Name = "echo";

    /// <inheritdoc />
    public override Task<JsonNode?> RunAsync(TaskActivityContext context, JsonNode? input) => Task.FromResult(input);
}
