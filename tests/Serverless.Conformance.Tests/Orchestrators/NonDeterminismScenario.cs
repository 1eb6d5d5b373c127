using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>
/// Schedules one activity, waits for "go", and then finishes; between the two episodes a test "redeploys" it
/// (<see cref="Redeployed"/>) so the replay schedules a different activity than the history holds.
/// </summary>
public sealed class NonDeterminismScenario : TaskOrchestrator<string, string>
{
    public const string Name = "conformance.nonDeterminism";

    /// <summary>Instances whose code has changed since they started (what a deployment does to a running instance).</summary>
    public static ConcurrentDictionary<string, bool> Redeployed { get; } = new(StringComparer.Ordinal);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var first = Redeployed.ContainsKey(context.InstanceId)
            ? await context.CallActivityAsync<string>(FailWithInner.Name, "changed code")
            : await context.CallActivityAsync<string>(Mark.Name, "original code");
        var go = await context.WaitForExternalEvent<string>("go");
        return $"{first}:{go}";
    }
}
