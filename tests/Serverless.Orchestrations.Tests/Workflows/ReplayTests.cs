using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Orchestrations.Workflows;
using Serverless.Runtime;
using Serverless.Runtime.Execution;
using Serverless.Runtime.History;
using Serverless.Workflows.Versioning;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>The interpreter replays recorded histories exactly, and a changed definition is caught as non-determinism.</summary>
public sealed class ReplayTests
{
    private const string Definition = """
        { "name": "replayed", "version": 1, "onFailure": "compensate", "steps": [
            { "id": "first", "kind": "activity", "activity": "echo", "input": { "at": "{{now}}", "n": "{{input.n}}" } },
            { "id": "second", "kind": "activity", "activity": "echo", "input": "{{steps.first.output.n + 1}}" },
            { "id": "fan", "kind": "parallel", "branches": [
                { "name": "a", "steps": [ { "id": "pa", "kind": "activity", "activity": "echo", "input": "a" } ] },
                { "name": "b", "steps": [ { "id": "pb", "kind": "activity", "activity": "echo", "input": "b" } ] } ] },
            { "id": "each", "kind": "foreach", "items": "[1, 2, 3]", "maxConcurrency": 2,
              "steps": [ { "id": "item", "kind": "activity", "activity": "echo", "input": "{{item}}" } ] } ] }
        """;

    private static readonly WorkflowOrchestrator Interpreter = new(WorkflowTestHost.FastOptions);

    private static string StoredHistory => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", "Histories", "replayed-v1.json"));

    [Fact]
    public async Task Replay_RecordedRun_IsAcceptedAction_ForAction()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var result = await host.RunAsync(Definition, new { n = 1 }, "replay-1");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);

        var history = await host.Runtime.GetHistoryAsync("replay-1");

        OrchestrationReplayer.Replay(Interpreter, history);
    }

    [Fact]
    public void Replay_StoredHistory_IsAccepted() =>
        OrchestrationReplayer.Replay(Interpreter, StoredHistory);

    [Fact]
    public void Replay_StoredHistoryWithStepsReordered_ReportsNonDeterminism()
    {
        var history = HistoryJson.DeserializeList(StoredHistory).ToList();
        var started = history.OfType<ExecutionStarted>().Single();
        var input = JsonSerializer.Deserialize<WorkflowRunInput>(started.Input!, PayloadJson.Options)!;
        var definition = JsonNode.Parse(input.Definition)!;
        var steps = definition["steps"]!.AsArray();
        var first = steps[0]!;
        steps.RemoveAt(0);
        steps.Insert(1, first);
        var reordered = definition.ToJsonString();
        var changed = input with { Definition = reordered, ContentHash = CanonicalJson.Hash(JsonNode.Parse(reordered)) };
        history[history.IndexOf(started)] = started with { Input = JsonSerializer.Serialize(changed, PayloadJson.Options) };

        var error = Assert.Throws<NonDeterministicOrchestrationException>(() => OrchestrationReplayer.Replay(Interpreter, history));

        Assert.Contains("echo", error.Expected, StringComparison.Ordinal);
        Assert.Contains("history position", error.Message, StringComparison.Ordinal);
    }
}
