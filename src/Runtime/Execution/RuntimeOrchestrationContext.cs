using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Execution;

/// <summary>The embedded runtime's orchestration context: every call goes to its executor.</summary>
internal sealed class RuntimeOrchestrationContext(OrchestrationExecutor executor, TaskName name, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    private int _guidCounter;

    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId => executor.InstanceId;

    /// <inheritdoc />
    public override ParentOrchestrationInstance? Parent => executor.Parent;

    /// <inheritdoc />
    public override DateTime CurrentUtcDateTime => CurrentTime;

    /// <inheritdoc />
    public override bool IsReplaying => Replaying;

    /// <inheritdoc />
    public override string Version => VersionValue;

    /// <inheritdoc />
    protected override ILoggerFactory LoggerFactory { get; } = loggerFactory;

    internal DateTime CurrentTime { get; set; }

    internal bool Replaying { get; set; }

    internal string VersionValue { get; set; } = string.Empty;

    /// <inheritdoc />
    public override T? GetInput<T>()
        where T : default => executor.Converter.Deserialize<T>(executor.SerializedInput);

    /// <inheritdoc />
    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        options?.Retry is { } retry
            ? RetryLoop.RunAsync(this, retry, () => executor.ScheduleActivity<TResult>(name.Name, input))
            : executor.ScheduleActivity<TResult>(name.Name, input);

    /// <inheritdoc />
    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var explicitId = (options as SubOrchestrationOptions)?.InstanceId;
        var version = (options as SubOrchestrationOptions)?.Version?.Version ?? options?.Version?.Version;
        return options?.Retry is { } retry
            ? RetryLoop.RunAsync(this, retry, () => executor.ScheduleSubOrchestration<TResult>(orchestratorName, version, explicitId ?? NewGuid().ToString("N"), input))
            : executor.ScheduleSubOrchestration<TResult>(orchestratorName, version, explicitId ?? NewGuid().ToString("N"), input);
    }

    /// <inheritdoc />
    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        executor.CreateTimer(fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : fireAt, cancellationToken);

    /// <inheritdoc />
    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        executor.WaitForEvent<T>(eventName, cancellationToken);

    /// <inheritdoc />
    public override void SendEvent(string instanceId, string eventName, object payload) => executor.SendEvent(instanceId, eventName, payload);

    /// <inheritdoc />
    public override void SetCustomStatus(object? customStatus) => executor.SetCustomStatus(customStatus);

    /// <inheritdoc />
    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        executor.RequestContinueAsNew(newInput, preserveUnprocessedEvents);

    /// <inheritdoc />
    public override Guid NewGuid()
    {
        // Name-based (version 5 layout) from values that are identical on every replay.
        var name = $"{InstanceId}_{CurrentUtcDateTime.Ticks}_{_guidCounter++}";
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
