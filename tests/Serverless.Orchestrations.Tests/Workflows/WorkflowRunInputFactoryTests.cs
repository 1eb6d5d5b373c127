using System.Text.Json;
using Microsoft.DurableTask.Client;
using Serverless.Orchestrations.Workflows;
using Serverless.Workflows.Versioning;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>What starters hand the interpreter: the pinned definition and its transitive sub-workflow closure.</summary>
public sealed class WorkflowRunInputFactoryTests
{
    private readonly WorkflowCatalog _catalog = new();

    [Fact]
    public void Create_ChainOfSubWorkflows_PinsEveryReachableVersionOnce()
    {
        _catalog.Publish("""{ "name": "leaf", "version": 3, "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }""");
        _catalog.Publish("""{ "name": "mid", "version": 1, "steps": [ { "id": "m", "kind": "workflow", "workflow": "leaf", "version": 3 } ] }""");
        var root = _catalog.Publish("""
            { "name": "root", "version": 2, "steps": [
                { "id": "x", "kind": "workflow", "workflow": "mid", "version": 1 },
                { "id": "y", "kind": "workflow", "workflow": "leaf", "version": 3 } ] }
            """);

        var input = WorkflowRunInputFactory.Create(root, _catalog.Get, JsonSerializer.SerializeToElement(new { a = 1 }), "ann", "c-9");

        Assert.Equal(["leaf@3", "mid@1"], input.SubWorkflows.Keys);
        Assert.Equal(_catalog.Get("leaf", 3)!.CanonicalJson, input.SubWorkflows["leaf@3"]);
        Assert.Equal((root.Pin.Name, root.Pin.Version, root.Pin.ContentHash, root.CanonicalJson), (input.Workflow, input.Version, input.ContentHash, input.Definition));
        Assert.Equal(("ann", "c-9"), (input.StartedBy, input.CorrelationId));
        Assert.Null(input.Continuation);
    }

    [Fact]
    public void Create_ChildVersionNotPublished_ThrowsNamingTheCallingStep()
    {
        var publisher = new WorkflowCatalog();
        publisher.Publish("""{ "name": "ghost", "version": 4, "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }""");
        var root = publisher.Publish("""
            { "name": "lonely", "version": 1, "steps": [ { "id": "call", "kind": "workflow", "workflow": "ghost", "version": 4 } ] }
            """);

        var error = Assert.Throws<InvalidOperationException>(() => WorkflowRunInputFactory.Create(root, _catalog.Get));

        Assert.Equal("Workflow 'ghost' version 4 (called by step 'call' of lonely@1) is not published.", error.Message);
    }

    [Fact]
    public async Task RunWorkflow_DefinitionTextInvalid_FailsWithTheDiagnostics()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var input = new WorkflowRunInput { Workflow = "broken", Version = 1, ContentHash = "sha256:00", Definition = """{ "name": "broken", "version": 1, "steps": [] }""" };

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(WorkflowRunInput.OrchestratorName, input);
        var result = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("The definition of broken@1 is invalid", result.FailureDetails!.ErrorMessage);
        Assert.Contains("WF311", result.FailureDetails.ErrorMessage);
    }
}
