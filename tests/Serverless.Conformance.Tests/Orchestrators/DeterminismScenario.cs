using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>
/// Makes ids and reads the clock around activities and a timer; each value is handed to an activity when first
/// made, so the test can check the final replay produced exactly the values the first execution did.
/// </summary>
public sealed class DeterminismScenario : TaskOrchestrator<string, DeterminismOutput>
{
    public const string Name = "conformance.determinism";

    public override async Task<DeterminismOutput> RunAsync(TaskOrchestrationContext context, string input)
    {
        var guids = new List<Guid>();
        var times = new List<DateTime>();
        for (var round = 0; round < 3; round++)
        {
            var guid = context.NewGuid();
            var time = context.CurrentUtcDateTime;
            guids.Add(guid);
            times.Add(time);
            await context.CallActivityAsync<string>(Mark.Name, $"{guid:D}|{time:O}");
        }

        await context.CreateTimer(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        times.Add(context.CurrentUtcDateTime);
        return new DeterminismOutput(guids, times);
    }
}

/// <summary>What <see cref="DeterminismScenario"/> made.</summary>
public sealed record DeterminismOutput(IReadOnlyList<Guid> Guids, IReadOnlyList<DateTime> Times);
