using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>Sets a custom status and marks "ready", waits for "go", then sets another status and marks "done".</summary>
public sealed class LifecycleScenario : TaskOrchestrator<string, string>
{
    public const string Name = "conformance.lifecycle";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        context.SetCustomStatus(new LifecycleStatus("waiting", input));
        await context.CallActivityAsync<string>(Mark.Name, "ready");
        var go = await context.WaitForExternalEvent<string>("go");
        context.SetCustomStatus(new LifecycleStatus("done", go));
        await context.CallActivityAsync<string>(Mark.Name, "done");
        return $"{input}:{go}";
    }
}

/// <summary>The custom status of <see cref="LifecycleScenario"/>.</summary>
public sealed record LifecycleStatus(string Stage, string Detail);
