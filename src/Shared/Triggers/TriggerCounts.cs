namespace Serverless.Triggers;

/// <summary>What a trigger has seen since it was created. Each delivery adds to these once.</summary>
public sealed record TriggerCounts
{
    /// <summary>Deliveries that authenticated and were evaluated.</summary>
    public long Deliveries { get; init; }

    /// <summary>Deliveries refused (bad or missing key or signature, stale timestamp, paused, unreadable body).</summary>
    public long Refused { get; init; }

    /// <summary>Rule evaluations that matched.</summary>
    public long Matched { get; init; }

    /// <summary>Rule evaluations that did not match.</summary>
    public long NotMatched { get; init; }

    /// <summary>Instances started.</summary>
    public long Started { get; init; }

    /// <summary>Matches whose instance id was already in use (a retried delivery).</summary>
    public long AlreadyStarted { get; init; }

    /// <summary>Matches that could not start (unknown workflow, input that does not fit, a condition that failed).</summary>
    public long Failed { get; init; }

    /// <summary>When the last delivery was evaluated.</summary>
    public DateTimeOffset? LastDeliveryAt { get; init; }

    /// <summary>When the last delivery was refused.</summary>
    public DateTimeOffset? LastRefusedAt { get; init; }

    /// <summary>The sum of two counts; the later of two times.</summary>
    /// <param name="other">What to add.</param>
    /// <returns>The sum.</returns>
    public TriggerCounts Add(TriggerCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new()
        {
            Deliveries = Deliveries + other.Deliveries,
            Refused = Refused + other.Refused,
            Matched = Matched + other.Matched,
            NotMatched = NotMatched + other.NotMatched,
            Started = Started + other.Started,
            AlreadyStarted = AlreadyStarted + other.AlreadyStarted,
            Failed = Failed + other.Failed,
            LastDeliveryAt = Later(LastDeliveryAt, other.LastDeliveryAt),
            LastRefusedAt = Later(LastRefusedAt, other.LastRefusedAt),
        };
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
