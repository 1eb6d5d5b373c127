using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Api.Durable;
using Serverless.Api.Http;
using Serverless.Audit;
using Serverless.Orchestrations.Workflows;

namespace Serverless.Api.Metrics;

/// <summary>
/// Per-workflow metrics: counts and durations from instance statuses; retries, compensations and step durations
/// from the interpreter's audit events. Looks at the most recent <c>top</c> instances (default 200).
/// </summary>
/// <param name="trail">The audit trail.</param>
public sealed class MetricsEndpoint(AuditTrail trail)
{
    /// <summary><c>GET workflows/{name}/metrics?top=</c>: 200 with <see cref="WorkflowMetrics"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="name">The workflow.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client, string name, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var top = QueryValues.Int(request, "top", 1, 5000) ?? 200;
            var instances = new List<OrchestrationMetadata>();
            var query = new OrchestrationQuery(FetchInputsAndOutputs: true);
            await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            {
                if (string.Equals(instance.Name, WorkflowRunInput.OrchestratorName, StringComparison.OrdinalIgnoreCase)
                    && instance.ReadInputAs<WorkflowRunInput>()?.Workflow == name)
                {
                    instances.Add(instance);
                }
            }

            var recent = instances.OrderByDescending(i => i.CreatedAt).Take(top).ToList();
            return Results.Ok(await ComputeAsync(name, recent, cancellationToken));
        });

    private async Task<WorkflowMetrics> ComputeAsync(string name, List<OrchestrationMetadata> instances, CancellationToken cancellationToken)
    {
        var completed = instances.Count(i => i.RuntimeStatus == OrchestrationRuntimeStatus.Completed);
        var failed = instances.Count(i => i.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated);
        var durations = instances.Where(i => i.IsCompleted).Select(i => (i.LastUpdatedAt - i.CreatedAt).TotalSeconds).Order().ToList();
        int retried = 0, compensated = 0;
        var steps = new Dictionary<string, (double Total, int Count)>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            var scheduled = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            bool retry = false, compensation = false;
            await foreach (var record in trail.ReadTrailAsync(instance.InstanceId, cancellationToken))
            {
                var e = record.Entry;
                switch (e.EventType)
                {
                    case WorkflowEventTypes.StepRetrying:
                        retry = true;
                        break;
                    case WorkflowEventTypes.CompensationStarted:
                        compensation = true;
                        break;
                    case WorkflowEventTypes.StepScheduled when e.Step is not null:
                        scheduled[e.Step] = e.Time;
                        break;
                    case WorkflowEventTypes.StepCompleted when e.Step is not null && scheduled.Remove(e.Step, out var start):
                        var (total, count) = steps.GetValueOrDefault(e.Step);
                        steps[e.Step] = (total + (e.Time - start).TotalSeconds, count + 1);
                        break;
                }
            }

            retried += retry ? 1 : 0;
            compensated += compensation ? 1 : 0;
        }

        var slowest = steps.Select(s => new StepTiming(s.Key, s.Value.Total / s.Value.Count, s.Value.Count))
            .OrderByDescending(s => s.AverageSeconds).ThenBy(s => s.Step, StringComparer.Ordinal).FirstOrDefault();
        double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        return new WorkflowMetrics(
            name,
            instances.Count,
            instances.Count(i => !i.IsCompleted),
            completed,
            failed,
            Rate(completed, completed + failed),
            durations.Count == 0 ? null : durations.Average(),
            durations.Count == 0 ? null : durations[(int)Math.Ceiling(0.95 * durations.Count) - 1],
            Rate(retried, instances.Count),
            Rate(compensated, instances.Count),
            slowest);
    }
}
