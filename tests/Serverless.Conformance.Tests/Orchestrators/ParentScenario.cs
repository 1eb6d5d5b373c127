using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>Calls <see cref="ChildScenario"/> as a sub-orchestration and reports its result or its failure details.</summary>
public sealed class ParentScenario : TaskOrchestrator<int, ParentScenarioOutput>
{
    public const string Name = "conformance.parent";

    public override async Task<ParentScenarioOutput> RunAsync(TaskOrchestrationContext context, int input)
    {
        try
        {
            var doubled = await context.CallSubOrchestratorAsync<int>(
                ChildScenario.Name, input, new SubOrchestrationOptions { InstanceId = context.InstanceId + ":child" });
            return new ParentScenarioOutput(doubled, null);
        }
        catch (TaskFailedException e)
        {
            return new ParentScenarioOutput(null, FailureView.Of(e.FailureDetails));
        }
    }
}

/// <summary>Doubles a non-negative input after a mark; throws for a negative one.</summary>
public sealed class ChildScenario : TaskOrchestrator<int, int>
{
    public const string Name = "conformance.child";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        if (input < 0)
        {
            throw new InvalidOperationException($"child cannot take {input}", new ArgumentOutOfRangeException(nameof(input), "negative"));
        }

        await context.CallActivityAsync<string>(Mark.Name, $"child-{input}");
        return input * 2;
    }
}

/// <summary>What <see cref="ParentScenario"/> saw.</summary>
public sealed record ParentScenarioOutput(int? Doubled, FailureView? ChildFailure);
