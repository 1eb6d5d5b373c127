using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>Calls <see cref="Flaky"/> under a retry policy with exponential backoff.</summary>
public sealed class RetryScenario : TaskOrchestrator<RetryScenarioInput, int>
{
    public const string Name = "conformance.retry";

    public override Task<int> RunAsync(TaskOrchestrationContext context, RetryScenarioInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var policy = new RetryPolicy(input.MaxAttempts, TimeSpan.FromMilliseconds(50), backoffCoefficient: 2);
        return context.CallActivityAsync<int>(Flaky.Name, input.SucceedOnAttempt, TaskOptions.FromRetryPolicy(policy));
    }
}

/// <summary>Input of <see cref="RetryScenario"/>.</summary>
public sealed record RetryScenarioInput(int SucceedOnAttempt, int MaxAttempts);
