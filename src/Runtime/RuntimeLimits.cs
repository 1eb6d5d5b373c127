namespace Serverless.Runtime;

/// <summary>Size limits that keep one instance from exhausting the store; each has a clear error.</summary>
public sealed record RuntimeLimits
{
    /// <summary>Largest serialized input, output, event payload, activity result or custom status, in bytes.</summary>
    public int MaxPayloadBytes { get; init; } = 1024 * 1024;

    /// <summary>Most history events one execution may hold; past it the instance fails (use ContinueAsNew).</summary>
    public int MaxHistoryEvents { get; init; } = 200_000;

    /// <summary>Most new actions (activities, timers, sub-orchestrations, events) one episode may issue.</summary>
    public int MaxActionsPerEpisode { get; init; } = 50_000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a non-positive limit.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPayloadBytes, 1, nameof(MaxPayloadBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHistoryEvents, 10, nameof(MaxHistoryEvents));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxActionsPerEpisode, 1, nameof(MaxActionsPerEpisode));
    }

    /// <summary>Throws <see cref="Serverless.Durable.DurableLimitExceededException"/> when <paramref name="payload"/> is too large.</summary>
    public void CheckPayload(string? payload, string what)
    {
        // UTF-16 length is a cheap lower bound; only near the limit is the exact UTF-8 size computed.
        if (payload is null || payload.Length * 3L <= MaxPayloadBytes)
        {
            return;
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(payload);
        if (bytes > MaxPayloadBytes)
        {
            throw new Serverless.Durable.DurableLimitExceededException(nameof(MaxPayloadBytes), bytes, MaxPayloadBytes, what);
        }
    }
}
