using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>
/// Optionally marks first (so an event can arrive while an activity is in flight), then waits for
/// <see cref="EventScenarioInput.Count"/> events of one name, with an optional timeout.
/// </summary>
public sealed class EventScenario : TaskOrchestrator<EventScenarioInput, IReadOnlyList<string>>
{
    public const string Name = "conformance.event";

    public override async Task<IReadOnlyList<string>> RunAsync(TaskOrchestrationContext context, EventScenarioInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.MarkFirst)
        {
            await context.CallActivityAsync<string>(Mark.Name, "before-wait");
        }

        var received = new List<string>();
        for (var i = 0; i < input.Count; i++)
        {
            try
            {
                received.Add(input.TimeoutMs is { } ms
                    ? await context.WaitForExternalEvent<string>(input.EventName, TimeSpan.FromMilliseconds(ms))
                    : await context.WaitForExternalEvent<string>(input.EventName));
            }
            catch (TaskCanceledException)
            {
                received.Add("timed-out");
            }
        }

        return received;
    }
}

/// <summary>Input of <see cref="EventScenario"/>.</summary>
public sealed record EventScenarioInput(string EventName, bool MarkFirst = false, int Count = 1, int? TimeoutMs = null);
