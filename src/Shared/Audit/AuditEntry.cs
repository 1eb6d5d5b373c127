using System.Text.Json;
using Serverless.Storage;

namespace Serverless.Audit;

/// <summary>One fact for the audit trail: who did what to which workflow instance, when.</summary>
public sealed record AuditEntry
{
    /// <summary>
    /// The most details JSON an entry may carry, in characters. Longer than one Table property holds, so the row
    /// splits it over <c>Details0..N</c>; well inside the 1 MiB an entity may be.
    /// </summary>
    public const int MaxDetailsChars = 256 * 1024;

    /// <summary>The longest instance id the trail accepts (it is also part of the day index's row key).</summary>
    public const int MaxInstanceIdChars = 256;

    /// <summary>The workflow instance; it is the trail's partition key, so it obeys the Table key rules.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The workflow definition's name.</summary>
    public required string WorkflowName { get; init; }

    /// <summary>The definition version the instance runs.</summary>
    public string? WorkflowVersion { get; init; }

    /// <summary>The step the event concerns, if any.</summary>
    public string? Step { get; init; }

    /// <summary>What happened, e.g. <c>Started</c>, <c>ApprovalDecided</c>, <c>Terminated</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>Who did it: a user, an approver, or a system component.</summary>
    public required string Actor { get; init; }

    /// <summary>When it happened; default means "now" from the trail's <see cref="TimeProvider"/>.
    /// Pass a replay-safe time from orchestrations so a retried write is recognised as the same entry.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Event details as a JSON document, at most <see cref="MaxDetailsChars"/> characters.</summary>
    public string? DetailsJson { get; init; }

    /// <summary>Ties the entry to a request or trace.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Checks the entry; throws a precise <see cref="ArgumentException"/> for anything that may not be stored.</summary>
    internal void Validate()
    {
        TableLimits.Key(InstanceId, nameof(InstanceId));
        if (InstanceId.Length is 0 or > MaxInstanceIdChars)
        {
            throw new ArgumentException($"InstanceId must be 1 to {MaxInstanceIdChars} characters; got {InstanceId.Length}.", nameof(InstanceId));
        }

        Required(WorkflowName, nameof(WorkflowName));
        Required(EventType, nameof(EventType));
        Required(Actor, nameof(Actor));
        foreach (var (value, name) in new[] { (WorkflowVersion, nameof(WorkflowVersion)), (Step, nameof(Step)), (CorrelationId, nameof(CorrelationId)) })
        {
            if (value is { Length: > 1024 })
            {
                throw new ArgumentException($"{name} is {value.Length} characters; the limit is 1,024.", name);
            }
        }

        if (DetailsJson is null)
        {
            return;
        }

        if (DetailsJson.Length > MaxDetailsChars)
        {
            throw new ArgumentException($"DetailsJson is {DetailsJson.Length} characters; the limit is {MaxDetailsChars}.", nameof(DetailsJson));
        }

        try
        {
            using var _ = JsonDocument.Parse(DetailsJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"DetailsJson is not valid JSON: {e.Message}", nameof(DetailsJson), e);
        }
    }

    private static void Required(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }

        if (value.Length > 1024)
        {
            throw new ArgumentException($"{name} is {value.Length} characters; the limit is 1,024.", name);
        }
    }
}
