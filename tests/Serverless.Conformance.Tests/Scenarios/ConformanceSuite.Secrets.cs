using Microsoft.DurableTask.Client;
using Serverless.Activities;
using Serverless.Conformance.Tests.Engines;
using Serverless.Secrets;
using Serverless.Workflows.Validation;
using Serverless.Workflows.Versioning;

namespace Serverless.Conformance.Tests.Scenarios;

// Secret references resolve where the activity runs, on every engine: the engine only ever carries the reference and ***.
public abstract partial class ConformanceSuite
{
    [SkippableFact]
    public async Task Workflow_SecretReference_ServerGetsValueEngineCarriesReferenceAndMask()
    {
        var catalog = new WorkflowCatalog(new ValidationOptions
        {
            Secrets = Get<ISecretSource>(),
            SecretActivities = ActivityCatalog.SecretActivities,
        });
        var workflow = catalog.Publish("""
            { "name": "secret-call", "version": 1,
              "steps": [
                { "id": "call", "kind": "activity", "activity": "http",
                  "input": { "method": "POST", "url": "https://shop.example/orders/{{input.orderId}}",
                             "headers": { "Authorization": "Bearer {{secrets.CONFORMANCE_TOKEN}}" } } },
                { "id": "show", "kind": "activity", "activity": "echo", "input": "{{secrets.CONFORMANCE_TOKEN}}" } ],
              "output": { "echoed": "{{steps.call.output.body.authorization}}", "shown": "{{steps.show.output}}" } }
            """);
        var orderId = NewId("order");

        var id = await StartWorkflowAsync(catalog, workflow, new { orderId });
        var result = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal($"Bearer {ConformanceTasks.SecretValue}", Get<ScriptedWorld>().Authorizations[$"https://shop.example/orders/{orderId}"]);
        var output = Output(result);
        Assert.Equal("Bearer ***", output.GetProperty("echoed").GetString());
        Assert.Equal("***", output.GetProperty("shown").GetString());
        // What the engine handed the activity is the reference; the value exists only inside the activity's run.
        var handed = Assert.Single(Calls.InputsOf(id, "echo"));
        Assert.Equal("{{secrets." + ConformanceTasks.SecretName + "}}", handed);
        Assert.All(
            [result.SerializedInput, result.SerializedOutput, result.SerializedCustomStatus, handed],
            text => Assert.DoesNotContain(ConformanceTasks.SecretValue, text ?? string.Empty, StringComparison.Ordinal));
    }
}
