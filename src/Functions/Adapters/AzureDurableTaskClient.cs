using Azure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Durable = Microsoft.DurableTask;
using DurableClient = Microsoft.DurableTask.Client;

namespace Serverless.Functions.Adapters;

/// <summary>
/// Our client port over the Durable Functions client bound with <c>[DurableClient]</c>, one line per
/// member, so the shared HTTP and timer handlers run unchanged on Azure. The Functions host owns the
/// inner client, so disposing this adapter leaves it alone.
/// </summary>
/// <param name="inner">The client the Durable extension binds.</param>
internal sealed class AzureDurableTaskClient(DurableClient.DurableTaskClient inner) : DurableTaskClient(inner.Name)
{
    /// <inheritdoc />
    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        inner.ScheduleNewOrchestrationInstanceAsync(
            orchestratorName.Name, input, options is null ? null : new Durable.StartOrchestrationOptions(options.InstanceId, options.StartAt), cancellation);

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        DurableConvert.ToPort(await inner.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation));

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        DurableConvert.ToPort(await inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation));

    /// <inheritdoc />
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.TerminateInstanceAsync(instanceId, options is null ? null : new DurableClient.TerminateInstanceOptions(options.Output, options.Recursive), cancellation);

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.SuspendInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.ResumeInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        await inner.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation) is { } metadata ? DurableConvert.ToPort(metadata) : null;

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        new DurablePageable<DurableClient.OrchestrationMetadata, OrchestrationMetadata>(inner.GetAllInstancesAsync(DurableConvert.ToDurable(filter)), DurableConvert.ToPort);

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        new((await inner.PurgeInstanceAsync(instanceId, options is null ? null : new DurableClient.PurgeInstanceOptions(options.Recursive), cancellation)).PurgedInstanceCount);

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        new((await inner.PurgeAllInstancesAsync(DurableConvert.ToDurable(filter), options is null ? null : new DurableClient.PurgeInstanceOptions(options.Recursive), cancellation)).PurgedInstanceCount);

    /// <inheritdoc />
    public override Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default) =>
        inner.RestartAsync(instanceId, restartWithNewInstanceId, cancellation);

    /// <summary>
    /// Not available on Azure through the client: the Functions host serves history on its built-in API
    /// (<c>GET /runtime/webhooks/durabletask/instances/{id}?showHistory=true</c>).
    /// </summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default) =>
        throw new NotSupportedException(
            $"History of '{instanceId}' is served on Azure by the Functions host: GET /runtime/webhooks/durabletask/instances/{instanceId}?showHistory=true.");

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
