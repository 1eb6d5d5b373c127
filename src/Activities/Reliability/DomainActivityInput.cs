namespace Serverless.Activities.Reliability;

/// <summary>
/// What every domain activity input carries besides its own fields: an optional idempotency key and
/// failure injection for tests and demos (driven by a durable attempt counter, never by chance).
/// </summary>
public abstract record DomainActivityInput
{
    /// <summary>
    /// Identifies the operation for deduplication within the calling instance. When absent the key is derived
    /// from the activity name and the whole input, so a redelivered or retried call is recognised.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Fail the first <c>FailTimes</c> attempts of this operation, then succeed.</summary>
    public int? FailTimes { get; init; }

    /// <summary>Fail every attempt.</summary>
    public bool FailAlways { get; init; }

    /// <summary>The message of an injected failure; a default names the activity and attempt.</summary>
    public string? FailMessage { get; init; }
}
