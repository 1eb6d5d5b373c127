using DurableTask.Core;
using DurableTask.Core.History;

namespace Serverless.Host.Durable;

/// <summary>
/// The orchestration service as the Durable Task sidecar (TaskHubGrpcServer) sees it: the real service with three
/// adaptations, everything else delegated.
/// <list type="bullet">
/// <item>Concurrency limits of its own. The test host's in-memory service reports <c>Environment.ProcessorCount</c>
/// work items of each kind and the sidecar's dispatcher then polls every 500 ms for a free slot, so on a 2-core
/// machine two waiting orchestrations stall everything.</item>
/// <item>Plain tag dictionaries. The sidecar hands a sub-orchestration's start message over with its tags still in
/// a protobuf <c>MapField</c>; DurableTask.AzureStorage serializes queue messages with their .NET type names and
/// cannot load that type back, so the child never starts. Tags are copied into a <see cref="Dictionary{TKey,TValue}"/>.</item>
/// <item>Plain history events. The sidecar records a sub-orchestration's creation as its own subclass of
/// <see cref="SubOrchestrationInstanceCreatedEvent"/>, which DurableTask.AzureStorage writes to the history table
/// without an event type and then cannot read back; the event is replaced by the base type with the same fields.</item>
/// </list>
/// These concern the sidecar of Microsoft.DurableTask.InProcessTestHost only: in Azure the Durable extension's own gRPC
/// layer talks to the service.
/// </summary>
/// <param name="inner">The real orchestration service.</param>
/// <param name="maxOrchestrations">Orchestration work items in flight at once.</param>
/// <param name="maxActivities">Activity work items in flight at once.</param>
public sealed class SidecarOrchestrationService(IOrchestrationService inner, int maxOrchestrations, int maxActivities) : IOrchestrationService
{
    /// <inheritdoc />
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    /// <inheritdoc />
    public int MaxConcurrentTaskOrchestrationWorkItems => maxOrchestrations;

    /// <inheritdoc />
    public int MaxConcurrentTaskActivityWorkItems => maxActivities;

    /// <inheritdoc />
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    /// <inheritdoc />
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    /// <inheritdoc />
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);

    /// <inheritdoc />
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc />
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    /// <inheritdoc />
    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        PlainSubOrchestrationEvents(newOrchestrationRuntimeState.Events);
        PlainSubOrchestrationEvents(newOrchestrationRuntimeState.NewEvents);
        foreach (var message in orchestratorMessages)
        {
            if (message.Event is ExecutionStartedEvent { Tags: { } tags } started && tags.GetType() != typeof(Dictionary<string, string>))
            {
                started.Tags = new Dictionary<string, string>(tags, StringComparer.Ordinal);
            }
        }

        return inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    /// <inheritdoc />
    public Task CreateAsync() => inner.CreateAsync();

    /// <inheritdoc />
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    /// <inheritdoc />
    public Task DeleteAsync() => inner.DeleteAsync();

    /// <inheritdoc />
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    /// <inheritdoc />
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    /// <inheritdoc />
    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    /// <inheritdoc />
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    /// <inheritdoc />
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc />
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    /// <inheritdoc />
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    /// <inheritdoc />
    public Task StartAsync() => inner.StartAsync();

    /// <inheritdoc />
    public Task StopAsync() => inner.StopAsync();

    /// <inheritdoc />
    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    private static void PlainSubOrchestrationEvents(IList<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                };
            }
        }
    }
}
