using System.Net;
using System.Text;
using Microsoft.DurableTask.Client;
using Serverless.Orchestrations.Workflows;
using Serverless.Runtime.History;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>
/// <c>{{secrets.NAME}}</c> through the interpreter on the embedded runtime: history carries the reference, the
/// activity resolves it, what comes back is masked, and data can never make the activity side resolve a secret.
/// </summary>
public sealed class SecretReferenceStepTests
{
    private const string Token = "token-a8d7c6b5";
    private static readonly Dictionary<string, string> Secrets = new() { ["TOKEN"] = Token };

    [Fact]
    public async Task RunWorkflow_ReferenceInDefinition_HistoryHoldsReferenceOutputMasked()
    {
        string? sent = null;
        await using var host = await WorkflowTestHost.StartAsync(secrets: Secrets, http: request =>
        {
            sent = request.Headers.Authorization?.ToString();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{ "seen": "{{sent}}" }""", Encoding.UTF8, "application/json") };
        });

        var result = await host.RunAsync("""
            { "name": "bearer", "version": 1,
              "steps": [
                { "id": "call", "kind": "activity", "activity": "http",
                  "input": { "url": "https://shop.example/orders/{{input.id}}", "headers": { "Authorization": "Bearer {{secrets.TOKEN}}" } } } ],
              "output": "{{steps.call.output.body.seen}}" }
            """, new { id = "o-1" }, "bearer-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal($"Bearer {Token}", sent);
        Assert.Equal("Bearer ***", result.ReadOutputAs<WorkflowRunOutput>()!.Output!.GetValue<string>());
        var history = await host.WaitForHistoryAsync("bearer-1", _ => true);
        var call = history.OfType<TaskScheduled>().Single(e => e.Name == "http");
        Assert.Contains("Bearer {{secrets.TOKEN}}", call.Input, StringComparison.Ordinal);
        Assert.DoesNotContain(history, e => e.ToString().Contains(Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{{secrets.TOKEN}}")]
    [InlineData("prefix {{ secrets.TOKEN }} suffix")]
    public async Task RunWorkflow_ReferenceTextInInputData_StepFailsBeforeTheActivityRuns(string text)
    {
        await using var host = await WorkflowTestHost.StartAsync(secrets: Secrets);

        var result = await host.RunAsync("""
            { "name": "forged", "version": 1,
              "steps": [ { "id": "leak", "kind": "activity", "activity": "echo", "input": { "auth": "Bearer {{secrets.TOKEN}}", "note": "{{input.note}}" } } ] }
            """, new { note = text }, "forged-1");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("comes from data", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        var history = await host.WaitForHistoryAsync("forged-1", _ => true);
        Assert.DoesNotContain(history.OfType<TaskScheduled>(), e => e.Name == "echo");
    }
}
