using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

using Durable = Microsoft.DurableTask;
using DurableClient = Microsoft.DurableTask.Client;

namespace Serverless.Functions.Adapters;

/// <summary>
/// Value conversions between our orchestration port and the Durable Task types. The two mirror each
/// other name for name, so each conversion copies fields; statuses share their numeric values.
/// </summary>
internal static class DurableConvert
{
    /// <summary>A Durable task name as ours.</summary>
    public static TaskName ToPort(Durable.TaskName name) => new(name.Name, name.Version);

    /// <summary>Durable failure details as ours, inner failures included.</summary>
    public static TaskFailureDetails ToPort(Durable.TaskFailureDetails details) =>
        new(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is { } inner ? ToPort(inner) : null);

    /// <summary>A Durable runtime status as ours (same names, same values).</summary>
    public static OrchestrationRuntimeStatus ToPort(DurableClient.OrchestrationRuntimeStatus status) => (OrchestrationRuntimeStatus)(int)status;

    /// <summary>Our runtime status as Durable's.</summary>
    public static DurableClient.OrchestrationRuntimeStatus ToDurable(OrchestrationRuntimeStatus status) => (DurableClient.OrchestrationRuntimeStatus)(int)status;

    /// <summary>Durable instance metadata as ours; payloads were written with our JSON options (see Program.cs).</summary>
    public static OrchestrationMetadata ToPort(DurableClient.OrchestrationMetadata metadata) => new(metadata.Name, metadata.InstanceId)
    {
        RuntimeStatus = ToPort(metadata.RuntimeStatus),
        CreatedAt = metadata.CreatedAt,
        LastUpdatedAt = metadata.LastUpdatedAt,
        SerializedInput = metadata.SerializedInput,
        SerializedOutput = metadata.SerializedOutput,
        SerializedCustomStatus = metadata.SerializedCustomStatus,
        FailureDetails = metadata.FailureDetails is { } failure ? ToPort(failure) : null,
    };

    /// <summary>Our task options as Durable's; a sub-orchestration instance id is kept, tags are not carried (Durable versions differ there).</summary>
    /// <param name="options">Our options, or null.</param>
    /// <param name="context">The orchestration a custom retry handler sees (our adapter, so its timers are durable).</param>
    public static Durable.TaskOptions? ToDurable(TaskOptions? options, TaskOrchestrationContext context) => options switch
    {
        null => null,
        SubOrchestrationOptions sub => new Durable.SubOrchestrationOptions(ToDurable(sub.Retry, context), sub.InstanceId),
        _ => new Durable.TaskOptions(ToDurable(options.Retry, context)),
    };

    /// <summary>Our retry options (policy or handler) as Durable's.</summary>
    public static Durable.TaskRetryOptions? ToDurable(TaskRetryOptions? retry, TaskOrchestrationContext context) => retry switch
    {
        null => null,
        { Policy: { } policy } => new Durable.TaskRetryOptions(ToDurable(policy)),
        { Handler: { } handler } => new Durable.TaskRetryOptions(new Durable.AsyncRetryHandler(
            attempt => handler(new RetryContext(context, attempt.LastAttemptNumber, ToPort(attempt.LastFailure), attempt.TotalRetryTime, attempt.CancellationToken)))),
        _ => null,
    };

    /// <summary>Our retry policy as Durable's, with the failure filter when there is one.</summary>
    public static Durable.RetryPolicy ToDurable(RetryPolicy policy) => policy.HandleFailure is { } handle
        ? new(policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval, policy.RetryTimeout)
        {
            HandleFailure = failure => handle(ToPort(failure)),
        }
        : new(policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval, policy.RetryTimeout);

    /// <summary>Our instance query as Durable's.</summary>
    public static DurableClient.OrchestrationQuery? ToDurable(OrchestrationQuery? query) => query is null ? null : new(
        query.CreatedFrom,
        query.CreatedTo,
        query.Statuses?.Select(ToDurable).ToList(),
        query.TaskHubNames,
        query.InstanceIdPrefix,
        query.PageSize,
        query.FetchInputsAndOutputs,
        query.ContinuationToken);

    /// <summary>Our purge filter as Durable's.</summary>
    public static DurableClient.PurgeInstancesFilter ToDurable(PurgeInstancesFilter filter) =>
        new(filter.CreatedFrom, filter.CreatedTo, filter.Statuses?.Select(ToDurable).ToList());

    /// <summary>Awaits a Durable task and re-throws its failure as our <see cref="TaskFailedException"/>.</summary>
    public static async Task<T> RethrowFailures<T>(Task<T> task)
    {
        try
        {
            return await task;
        }
        catch (Durable.TaskFailedException ex)
        {
            throw new TaskFailedException(ex.TaskName, ex.TaskId, ToPort(ex.FailureDetails));
        }
    }
}
