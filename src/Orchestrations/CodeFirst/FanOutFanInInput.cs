using System.Text.Json.Nodes;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Input of <see cref="FanOutFanIn"/>.</summary>
public sealed record FanOutFanInInput
{
    /// <summary>The activity run once per item.</summary>
    public string Activity { get; init; } = string.Empty;

    /// <summary>The items; each is the activity's input.</summary>
    public IReadOnlyList<JsonNode?> Items { get; init; } = [];

    /// <summary>At most this many calls in flight at once (1 to 1,000).</summary>
    public int MaxConcurrency { get; init; } = 10;

    /// <summary>How each item's call is retried.</summary>
    public RetrySpec? Retry { get; init; }

    /// <summary>What failed items do to the run.</summary>
    public PartialFailurePolicy FailurePolicy { get; init; } = PartialFailurePolicy.ContinueAll;

    /// <summary>How many items may fail with the run still succeeding (0 = none).</summary>
    public int MaxFailures { get; init; }

    /// <summary>An activity that receives the successful outputs (array, in item order) and returns the aggregate.</summary>
    public string? AggregateActivity { get; init; }
}

/// <summary>What a <see cref="FanOutFanIn"/> does when items fail.</summary>
public enum PartialFailurePolicy
{
    /// <summary>Every item runs; the run fails only if more than <see cref="FanOutFanInInput.MaxFailures"/> items failed.</summary>
    ContinueAll,

    /// <summary>Once more than <see cref="FanOutFanInInput.MaxFailures"/> items failed, no new item starts (calls in flight finish).</summary>
    FailFast,
}
