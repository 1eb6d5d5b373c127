using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Activities.Reliability;
using Serverless.Activities.Storage;
using Serverless.Audit;

namespace Serverless.Activities.General;

/// <summary>
/// Activity <c>audit</c>: appends one <see cref="AuditEntry"/> to the calling instance's audit trail, exactly once.
/// Input <c>{ "event", "workflow"?, "version"?, "step"?, "actor"?, "time"?, "correlationId"?, "details"?, ...more }</c>:
/// the named fields fill the entry; <c>details</c>, or else every other field, becomes its details JSON.
/// Orchestrations pass <c>time</c> from their context; without it the first delivery's time is kept durably, so a
/// redelivered call writes the identical entry and the trail adds nothing.
/// </summary>
public sealed class RecordAudit(AuditTrail trail, ActivityStorage storage, AuditTrailOptions options, ActivityRuns runs, TimeProvider time)
    : TaskActivity<JsonObject, AuditOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "audit";

    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "event", "workflow", "version", "step", "actor", "time", "correlationId", "details", "idempotencyKey",
    };

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No <c>event</c>, or the entry is invalid for the trail.</exception>
    public override async Task<AuditOutput> RunAsync(TaskActivityContext context, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var eventType = Text(input, "event") ?? throw new ArgumentException("audit needs 'event'.", nameof(input));
        var id = OperationKeys.For(context, Text(input, "idempotencyKey"), input.ToJsonString());
        var stamp = Text(input, "time")
            ?? await runs.FirstValueAsync(context.InstanceId, "audit:" + id, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        if (!DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when))
        {
            throw new ArgumentException($"audit 'time' must be an ISO-8601 timestamp; got '{stamp}'.", nameof(input));
        }

        var entry = new AuditEntry
        {
            InstanceId = context.InstanceId,
            WorkflowName = Text(input, "workflow") ?? context.InstanceId,
            WorkflowVersion = Text(input, "version"),
            Step = Text(input, "step"),
            EventType = eventType,
            Actor = Text(input, "actor") ?? "system",
            Time = when,
            CorrelationId = Text(input, "correlationId"),
            DetailsJson = Details(input),
        };

        await storage.TableAsync(options.TrailTable);
        await storage.TableAsync(options.DayIndexTable);
        var recorded = await trail.AppendAsync(entry);
        return new AuditOutput(id, recorded);
    }

    private static string? Text(JsonObject input, string name)
    {
        var node = input.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => node.ToJsonString(),
        };
    }

    private static string? Details(JsonObject input)
    {
        var details = input.FirstOrDefault(p => string.Equals(p.Key, "details", StringComparison.OrdinalIgnoreCase)).Value;
        if (details is not null)
        {
            return details.ToJsonString();
        }

        var rest = new JsonObject();
        foreach (var (key, value) in input.Where(p => !s_reserved.Contains(p.Key)))
        {
            rest[key] = value?.DeepClone();
        }

        return rest.Count == 0 ? null : rest.ToJsonString();
    }
}
