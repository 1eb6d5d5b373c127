using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Durable = Microsoft.DurableTask;

namespace Serverless.Functions.Adapters;

/// <summary>
/// Our orchestration port over Durable Functions' context, one line per member, so the shared
/// orchestrators run unchanged on Azure. Failures of awaited tasks are re-thrown as our
/// <see cref="TaskFailedException"/>, which is what the orchestrators catch.
/// </summary>
/// <param name="inner">The context the Durable extension passes to the orchestrator function.</param>
/// <param name="loggerFactory">Backs <see cref="TaskOrchestrationContext.CreateReplaySafeLogger(string)"/> of the base class.</param>
internal sealed class AzureOrchestrationContext(Durable.TaskOrchestrationContext inner, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    /// <inheritdoc />
    public override TaskName Name => DurableConvert.ToPort(inner.Name);

    /// <inheritdoc />
    public override string InstanceId => inner.InstanceId;

    /// <inheritdoc />
    public override ParentOrchestrationInstance? Parent => inner.Parent is { } parent ? new(DurableConvert.ToPort(parent.Name), parent.InstanceId) : null;

    /// <inheritdoc />
    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    /// <inheritdoc />
    public override bool IsReplaying => inner.IsReplaying;

    /// <inheritdoc />
    public override string Version => inner.Version;

    /// <inheritdoc />
    protected override ILoggerFactory LoggerFactory => loggerFactory;

    /// <inheritdoc />
    public override T? GetInput<T>()
        where T : default => inner.GetInput<T>();

    /// <inheritdoc />
    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        DurableConvert.RethrowFailures(inner.CallActivityAsync<TResult>(name.Name, input, DurableConvert.ToDurable(options, this)));

    /// <inheritdoc />
    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        DurableConvert.RethrowFailures(inner.CallSubOrchestratorAsync<TResult>(orchestratorName.Name, input, DurableConvert.ToDurable(options, this)));

    /// <inheritdoc />
    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    /// <inheritdoc />
    public override Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => inner.CreateTimer(delay, cancellationToken);

    /// <inheritdoc />
    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    /// <inheritdoc />
    public override Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) => inner.WaitForExternalEvent<T>(eventName, timeout);

    /// <inheritdoc />
    public override Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WaitForExternalEvent<T>(eventName, timeout, cancellationToken);

    /// <inheritdoc />
    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    /// <inheritdoc />
    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    /// <inheritdoc />
    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    /// <inheritdoc />
    public override Guid NewGuid() => inner.NewGuid();

    /// <inheritdoc />
    public override ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);
}
