using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Audit;
using Serverless.Definitions;
using Serverless.Orchestrations.Workflows;

namespace Serverless.Api.Retention;

/// <summary>
/// The retention timer's handler: purges finished instances whose last change is older than their workflow's
/// <c>retention</c> (or the default), applies the audit trail's retention, and records what it purged in the
/// trail (instance <c>$system</c>).
/// </summary>
public sealed partial class RetentionSweep
{
    private const int MaxIdsInAuditEntry = 200;
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    private readonly DefinitionStore _definitions;
    private readonly AuditTrail _trail;
    private readonly ApiOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="definitions">Where per-workflow retention is read.</param>
    /// <param name="trail">The audit trail.</param>
    /// <param name="options">Default and audit retention.</param>
    /// <param name="logger">Diagnostics.</param>
    public RetentionSweep(DefinitionStore definitions, AuditTrail trail, ApiOptions options, ILogger<RetentionSweep>? logger = null)
    {
        _definitions = definitions;
        _trail = trail;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs one sweep at the clock's current time.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels the sweep (what was purged stays purged).</param>
    /// <returns>What was removed.</returns>
    public async Task<RetentionSweepResult> RunAsync(TimeProvider time, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        var retention = new Dictionary<(string, int), TimeSpan>();
        var expired = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: Finished, FetchInputsAndOutputs: true)).WithCancellation(cancellationToken))
        {
            if (instance.LastUpdatedAt + await RetentionOfAsync(instance, retention, cancellationToken) <= now)
            {
                expired.Add(instance.InstanceId);
            }
        }

        var purged = new List<string>();
        foreach (var id in expired)
        {
            if ((await client.PurgeInstanceAsync(id, new PurgeInstanceOptions(Recursive: true), cancellationToken)).PurgedInstanceCount > 0)
            {
                purged.Add(id);
            }
        }

        if (purged.Count > 0)
        {
            await _trail.AppendAsync(
                new AuditEntry
                {
                    InstanceId = "$system",
                    WorkflowName = "retention",
                    EventType = "InstancesPurged",
                    Actor = "retention",
                    Time = now,
                    DetailsJson = JsonSerializer.Serialize(new
                    {
                        count = purged.Count,
                        instanceIds = purged.Take(MaxIdsInAuditEntry),
                        truncated = purged.Count > MaxIdsInAuditEntry,
                    }),
                },
                cancellationToken);
            Log.Purged(_logger, purged.Count);
        }

        var audit = await _trail.ApplyRetentionAsync(_options.AuditRetention, cancellationToken);
        return new RetentionSweepResult(purged, audit);
    }

    private async Task<TimeSpan> RetentionOfAsync(OrchestrationMetadata instance, Dictionary<(string, int), TimeSpan> cache, CancellationToken cancellationToken)
    {
        if (!string.Equals(instance.Name, WorkflowRunInput.OrchestratorName, StringComparison.OrdinalIgnoreCase)
            || WorkflowOf(instance) is not { } pin)
        {
            return _options.DefaultRetention;
        }

        if (!cache.TryGetValue(pin, out var retention))
        {
            retention = (await _definitions.GetAsync(pin.Workflow, pin.Version, cancellationToken))?.Retention ?? _options.DefaultRetention;
            cache[pin] = retention;
        }

        return retention;
    }

    private static (string Workflow, int Version)? WorkflowOf(OrchestrationMetadata instance)
    {
        try
        {
            return instance.ReadInputAs<WorkflowRunInput>() is { Workflow.Length: > 0 } input ? (input.Workflow, input.Version) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Retention purged {Count} finished instance(s).")]
        public static partial void Purged(ILogger logger, int count);
    }
}
