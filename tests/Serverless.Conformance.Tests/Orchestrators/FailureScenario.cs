using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>Fails in the way its input names, to compare failure details across engines.</summary>
public sealed class FailureScenario : TaskOrchestrator<string, FailureView?>
{
    public const string Name = "conformance.failure";

    public override async Task<FailureView?> RunAsync(TaskOrchestrationContext context, string input)
    {
        switch (input)
        {
            case "activity":
                await context.CallActivityAsync<string>(FailWithInner.Name, "activity");
                return null;
            case "caught":
                try
                {
                    await context.CallActivityAsync<string>(FailWithInner.Name, "caught");
                    return null;
                }
                catch (TaskFailedException e)
                {
                    return FailureView.Of(e.FailureDetails);
                }

            default:
                throw new InvalidOperationException("orchestrator failed", new FormatException("inner cause"));
        }
    }
}
