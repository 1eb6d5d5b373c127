using System.Text.Json.Nodes;
using Microsoft.DurableTask;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>
/// Runs one activity per item with at most <see cref="FanOutFanInInput.MaxConcurrency"/> calls in flight, collects
/// the results in item order and optionally aggregates them with another activity. Failed items are reported, not
/// thrown; <see cref="PartialFailurePolicy"/> decides whether the rest still start.
/// </summary>
public sealed class FanOutFanIn : TaskOrchestrator<FanOutFanInInput, FanOutFanInOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = nameof(FanOutFanIn);

    /// <summary>The largest <see cref="FanOutFanInInput.MaxConcurrency"/> accepted.</summary>
    public const int MaxConcurrencyLimit = 1000;

    /// <inheritdoc />
    public override async Task<FanOutFanInOutput> RunAsync(TaskOrchestrationContext context, FanOutFanInInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        Validate(input);
        var options = input.Retry?.ToTaskOptions();
        var outcomes = new ItemOutcome?[input.Items.Count];
        var inFlight = new Dictionary<Task<JsonNode?>, int>();
        var next = 0;
        var failed = 0;
        while (next < input.Items.Count || inFlight.Count > 0)
        {
            var stopStarting = input.FailurePolicy == PartialFailurePolicy.FailFast && failed > input.MaxFailures;
            while (!stopStarting && next < input.Items.Count && inFlight.Count < input.MaxConcurrency)
            {
                inFlight.Add(context.CallActivityAsync<JsonNode?>(input.Activity, input.Items[next], options), next);
                next++;
            }

            if (inFlight.Count == 0)
            {
                break;
            }

            context.SetCustomStatus(new OrchestrationProgress("running", input.Activity, outcomes.Count(o => o is not null), input.Items.Count));
            var done = await Task.WhenAny(inFlight.Keys);
            var index = inFlight[done];
            inFlight.Remove(done);
            try
            {
                outcomes[index] = new ItemOutcome(index, "completed", await done, null);
            }
            catch (TaskFailedException e)
            {
                outcomes[index] = new ItemOutcome(index, "failed", null, StepError.From(e));
                failed++;
            }
        }

        var items = outcomes.Select((o, i) => o ?? new ItemOutcome(i, "skipped", null, null)).ToList();
        var outputs = items.Where(i => i.Status == "completed").Select(i => i.Output).ToList();
        var succeeded = failed <= input.MaxFailures;
        JsonNode? aggregate = null;
        StepError? aggregateError = null;
        if (succeeded && !string.IsNullOrWhiteSpace(input.AggregateActivity))
        {
            try
            {
                aggregate = await context.CallActivityAsync<JsonNode?>(input.AggregateActivity, new JsonArray([.. outputs.Select(o => o?.DeepClone())]), options);
            }
            catch (TaskFailedException e)
            {
                aggregateError = StepError.From(e);
                succeeded = false;
            }
        }

        context.SetCustomStatus(new OrchestrationProgress(succeeded ? "completed" : "failed", null, outputs.Count, input.Items.Count));
        return new FanOutFanInOutput(succeeded, items, outputs, aggregate, outputs.Count, failed, items.Count(i => i.Status == "skipped"), aggregateError);
    }

    private static void Validate(FanOutFanInInput? input)
    {
        if (input is null || string.IsNullOrWhiteSpace(input.Activity))
        {
            throw new ArgumentException("A fan-out needs an activity.", nameof(input));
        }

        if (input.MaxConcurrency is < 1 or > MaxConcurrencyLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.MaxConcurrency, $"MaxConcurrency must be 1 to {MaxConcurrencyLimit}.");
        }

        if (input.MaxFailures < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.MaxFailures, "MaxFailures must be 0 or more.");
        }
    }
}
