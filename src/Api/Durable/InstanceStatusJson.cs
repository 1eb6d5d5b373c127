using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using DurableTask.Core.History;
using Serverless.Durable;
using Serverless.Orchestrations.Workflows;

namespace Serverless.Api.Durable;

/// <summary>
/// The instance status document of the Durable HTTP API: <c>name</c>, <c>instanceId</c>, <c>runtimeStatus</c>,
/// <c>input</c>, <c>customStatus</c>, <c>output</c>, <c>createdTime</c>, <c>lastUpdatedTime</c> and, on request,
/// <c>historyEvents</c> (PascalCase fields, scheduling events folded into their completions, as Durable shows them).
/// </summary>
public static class InstanceStatusJson
{
    /// <summary>The status object of one instance.</summary>
    /// <param name="metadata">The instance.</param>
    /// <param name="showInput">Include the input.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject Status(OrchestrationMetadata metadata, bool showInput)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var output = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed && metadata.FailureDetails is { } failure
            ? JsonValue.Create(failure.ErrorMessage)
            : Parse(metadata.SerializedOutput);
        var status = new JsonObject
        {
            ["name"] = metadata.Name,
            ["instanceId"] = metadata.InstanceId,
            ["runtimeStatus"] = metadata.RuntimeStatus.ToString(),
            ["input"] = showInput ? Input(metadata.Name, metadata.SerializedInput) : null,
            ["customStatus"] = Parse(metadata.SerializedCustomStatus),
            ["output"] = output,
            ["createdTime"] = Time(metadata.CreatedAt),
            ["lastUpdatedTime"] = Time(metadata.LastUpdatedAt),
        };
        if (showInput && Workflow(metadata.Name, metadata.SerializedInput) is { } workflow)
        {
            status["workflow"] = workflow;
        }

        if (metadata.FailureDetails is { } details)
        {
            status["failureDetails"] = new JsonObject { ["errorType"] = details.ErrorType, ["errorMessage"] = details.ErrorMessage };
        }

        return status;
    }

    /// <summary>The <c>historyEvents</c> array.</summary>
    /// <param name="history">The history, as <see cref="DurableTaskClient.GetOrchestrationHistoryAsync"/> returns it on any engine.</param>
    /// <param name="showInput">Include the orchestration input in <c>ExecutionStarted</c>.</param>
    /// <param name="showOutputs">Include activity, sub-orchestration and orchestration outputs.</param>
    /// <returns>The array.</returns>
    public static JsonArray History(IList<HistoryEvent> history, bool showInput, bool showOutputs)
    {
        ArgumentNullException.ThrowIfNull(history);
        var scheduled = history.Where(e => e.EventId >= 0 && e is TaskScheduledEvent or SubOrchestrationInstanceCreatedEvent)
            .GroupBy(e => e.EventId).ToDictionary(g => g.Key, g => g.First());
        var events = new JsonArray();
        foreach (var e in history)
        {
            var item = new JsonObject { ["EventType"] = e.EventType.ToString(), ["Timestamp"] = Time(e.Timestamp) };
            switch (e)
            {
                case OrchestratorStartedEvent or OrchestratorCompletedEvent or TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent:
                    continue;
                case ExecutionStartedEvent started:
                    item["FunctionName"] = started.Name;
                    if (showInput)
                    {
                        item["Input"] = Input(started.Name, started.Input);
                    }

                    break;
                case TaskCompletedEvent completed:
                    Scheduled(item, scheduled, completed.TaskScheduledId);
                    if (showOutputs)
                    {
                        item["Result"] = Parse(completed.Result);
                    }

                    break;
                case TaskFailedEvent failed:
                    Scheduled(item, scheduled, failed.TaskScheduledId);
                    item["Reason"] = failed.FailureDetails?.ErrorMessage ?? failed.Reason;
                    item["Details"] = failed.FailureDetails?.ErrorType ?? failed.Details;
                    break;
                case SubOrchestrationInstanceCompletedEvent completed:
                    Scheduled(item, scheduled, completed.TaskScheduledId);
                    if (showOutputs)
                    {
                        item["Result"] = Parse(completed.Result);
                    }

                    break;
                case SubOrchestrationInstanceFailedEvent failed:
                    Scheduled(item, scheduled, failed.TaskScheduledId);
                    item["Reason"] = failed.FailureDetails?.ErrorMessage ?? failed.Reason;
                    item["Details"] = failed.FailureDetails?.ErrorType ?? failed.Details;
                    break;
                case TimerFiredEvent fired:
                    item["TimerId"] = fired.TimerId;
                    item["FireAt"] = Time(fired.FireAt);
                    break;
                case EventRaisedEvent raised:
                    item["Name"] = raised.Name;
                    if (showOutputs)
                    {
                        item["Input"] = Parse(raised.Input);
                    }

                    break;
                case EventSentEvent sent:
                    item["Name"] = sent.Name;
                    item["InstanceId"] = sent.InstanceId;
                    break;
                case ExecutionSuspendedEvent suspended:
                    item["Reason"] = suspended.Reason;
                    break;
                case ExecutionResumedEvent resumed:
                    item["Reason"] = resumed.Reason;
                    break;
                case ExecutionTerminatedEvent terminated:
                    if (showOutputs)
                    {
                        item["Input"] = Parse(terminated.Input);
                    }

                    break;
                case ContinueAsNewEvent continued:
                    if (showOutputs)
                    {
                        item["Input"] = Parse(continued.Result);
                    }

                    break;
                case ExecutionCompletedEvent completed:
                    item["OrchestrationStatus"] = completed.OrchestrationStatus.ToString();
                    if (showOutputs || completed.FailureDetails is not null)
                    {
                        item["Result"] = completed.FailureDetails is { } f ? JsonValue.Create(f.ErrorMessage) : Parse(completed.Result);
                    }

                    break;
            }

            events.Add(item);
        }

        return events;
    }

    /// <summary>
    /// The input a user would recognise: for a workflow instance (<c>RunWorkflow</c>) the input it was started with,
    /// not the run input the starter built around it (definition, pins, starter); any other orchestrator's as stored.
    /// </summary>
    /// <param name="orchestrator">The orchestrator name.</param>
    /// <param name="serialized">The stored input.</param>
    /// <returns>The node, or null.</returns>
    public static JsonNode? Input(string orchestrator, string? serialized)
    {
        var input = Parse(serialized);
        return string.Equals(orchestrator, WorkflowRunInput.OrchestratorName, StringComparison.OrdinalIgnoreCase)
            && input is JsonObject run && run.TryGetPropertyValue("input", out var user)
            ? user?.DeepClone()
            : input;
    }

    /// <summary>
    /// For a workflow instance (<c>RunWorkflow</c>), which published workflow it runs: <c>{ name, version, contentHash }</c>
    /// from its run input, since <c>input</c> shows only the user's part of it; null for any other orchestrator.
    /// </summary>
    /// <param name="orchestrator">The orchestrator name.</param>
    /// <param name="serialized">The stored input.</param>
    /// <returns>The node, or null.</returns>
    public static JsonObject? Workflow(string orchestrator, string? serialized) =>
        string.Equals(orchestrator, WorkflowRunInput.OrchestratorName, StringComparison.OrdinalIgnoreCase)
            && Parse(serialized) is JsonObject run
            && run["workflow"] is JsonValue name && name.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? new JsonObject
            {
                ["name"] = name.DeepClone(),
                ["version"] = run["version"]?.DeepClone(),
                ["contentHash"] = run["contentHash"]?.DeepClone(),
            }
            : null;

    /// <summary>A stored JSON payload as a node (a non-JSON payload is returned as a string).</summary>
    /// <param name="serialized">The payload.</param>
    /// <returns>The node, or null.</returns>
    public static JsonNode? Parse(string? serialized)
    {
        if (serialized is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(serialized);
        }
        catch (JsonException)
        {
            return JsonValue.Create(serialized);
        }
    }

    /// <summary>ISO 8601 UTC with <c>Z</c>, as <see cref="UtcTimeText"/> writes every time.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Time(DateTimeOffset time) => UtcTimeText.Write(time);

    private static string Time(DateTime time) => UtcTimeText.Write(time);

    private static void Scheduled(JsonObject item, Dictionary<int, HistoryEvent> scheduled, int id)
    {
        switch (scheduled.GetValueOrDefault(id))
        {
            case TaskScheduledEvent task:
                item["FunctionName"] = task.Name;
                item["ScheduledTime"] = Time(task.Timestamp);
                break;
            case SubOrchestrationInstanceCreatedEvent sub:
                item["FunctionName"] = sub.Name;
                item["InstanceId"] = sub.InstanceId;
                item["ScheduledTime"] = Time(sub.Timestamp);
                break;
        }
    }
}
