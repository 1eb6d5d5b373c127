using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Workflows.Expressions;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>
/// Runs activities one after another, passing context forward: a step without an input template receives the
/// previous output; a template can read the chain input and every earlier step's output. The first step that
/// still fails after its retries stops the chain; the output says which and why.
/// </summary>
public sealed class SequentialChain : TaskOrchestrator<SequentialChainInput, SequentialChainOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = nameof(SequentialChain);

    /// <inheritdoc />
    public override async Task<SequentialChainOutput> RunAsync(TaskOrchestrationContext context, SequentialChainInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        Validate(input);
        var results = new Dictionary<string, StepResult>(StringComparer.Ordinal);
        var outcomes = new List<StepOutcome>();
        var current = input.Input?.DeepClone();
        foreach (var step in input.Steps)
        {
            context.SetCustomStatus(new OrchestrationProgress("running", step.Name, outcomes.Count, input.Steps.Count));
            try
            {
                var stepInput = step.Call.Input is null ? current : TemplateInputs.Evaluate(context, step.Call.Input, input.Input, results);
                var output = await context.CallActivityAsync<JsonNode?>(step.Call.Activity, stepInput, step.Call.Retry?.ToTaskOptions());
                outcomes.Add(new StepOutcome(step.Name, true, output, null));
                results[step.Name] = new StepResult(output);
                current = output;
            }
            catch (Exception e) when (e is TaskFailedException or ArgumentException)
            {
                // A task that failed after its retries, or an input template that cannot be evaluated on this data.
                outcomes.Add(new StepOutcome(step.Name, false, null, StepError.From(e)));
                context.SetCustomStatus(new OrchestrationProgress("failed", step.Name, outcomes.Count - 1, input.Steps.Count));
                return new SequentialChainOutput(false, current, outcomes, step.Name);
            }
        }

        context.SetCustomStatus(new OrchestrationProgress("completed", null, outcomes.Count, input.Steps.Count));
        return new SequentialChainOutput(true, current, outcomes, null);
    }

    private static void Validate(SequentialChainInput? input)
    {
        if (input?.Steps is not { Count: > 0 } steps)
        {
            throw new ArgumentException("A sequential chain needs at least one step.", nameof(input));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (string.IsNullOrWhiteSpace(step?.Name) || string.IsNullOrWhiteSpace(step.Call?.Activity))
            {
                throw new ArgumentException("Every chain step needs a name and an activity.", nameof(input));
            }

            if (!names.Add(step.Name))
            {
                throw new ArgumentException($"Step name '{step.Name}' is used twice.", nameof(input));
            }

            TemplateInputs.CheckSyntax(step.Call.Input, $"step '{step.Name}'");
        }
    }
}
