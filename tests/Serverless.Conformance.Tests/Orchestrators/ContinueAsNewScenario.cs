using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>Marks once per round and continues as new with the rounds seen so far until the last round.</summary>
public sealed class ContinueAsNewScenario : TaskOrchestrator<CounterState, IReadOnlyList<string>>
{
    public const string Name = "conformance.continueAsNew";

    public override async Task<IReadOnlyList<string>> RunAsync(TaskOrchestrationContext context, CounterState input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var seen = await context.CallActivityAsync<string>(Mark.Name, $"round-{input.Round}");
        var state = input with { Seen = [.. input.Seen, seen] };
        context.SetCustomStatus(new { round = input.Round });
        if (input.Round < input.LastRound)
        {
            context.ContinueAsNew(state with { Round = input.Round + 1 });
            return [];
        }

        return state.Seen;
    }
}

/// <summary>The state carried from one execution to the next.</summary>
public sealed record CounterState(int Round, int LastRound, IReadOnlyList<string> Seen);
