using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Moq;
using Serverless.Activities.Approvals;
using Serverless.Activities.General;
using Serverless.Activities.Inventory;
using Serverless.Activities.Payments;
using Serverless.Activities.Shipping;
using Serverless.Activities.Storage;
using Serverless.Approvals;

namespace Serverless.Orchestrations.Tests.Infrastructure;

/// <summary>
/// A Moq <see cref="TaskOrchestrationContext"/> whose activities answer from a script: each call is recorded (name,
/// input as JSON, options) and answered by the handler registered for its name. Results round-trip through JSON
/// as they would through the engine's data converter.
/// </summary>
internal sealed class ScriptedContext
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, Func<JsonNode?, Task<object?>>> _handlers = new(StringComparer.Ordinal);
    private readonly List<Task<ApprovalDecision>> _decisions = [];
    private int _taskId;

    public ScriptedContext(string instanceId = "instance-1")
    {
        Mock.SetupGet(c => c.InstanceId).Returns(instanceId);
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now);
        SetupActivity<JsonNode?>();
        SetupActivity<ReserveInventoryOutput>();
        SetupActivity<ChargePaymentOutput>();
        SetupActivity<CreateShipmentOutput>();
        SetupActivity<ChangeOutput>();
        SetupActivity<ApprovalRecord>();
        SetupActivity<NotifyOutput>();
        SetupActivity<bool>();
        SetupActivity<ApprovalDecision>();
        On(ConfirmApprovalDecision.Name, input => _decisions.Where(d => d.IsCompletedSuccessfully).Select(d => d.Result)
            .LastOrDefault(d => string.Equals(d.Approver, input!["approver"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase)));
    }

    public Mock<TaskOrchestrationContext> Mock { get; } = new(MockBehavior.Loose);

    public TaskOrchestrationContext Object => Mock.Object;

    public DateTime Now { get; set; } = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Every activity call in order: name, input as JSON, options.</summary>
    public List<(string Name, JsonNode? Input, TaskOptions? Options)> Calls { get; } = [];

    public IEnumerable<string> CallNames => Calls.Select(c => c.Name);

    public ScriptedContext On(string activity, Func<JsonNode?, object?> result)
    {
        _handlers[activity] = input => Task.FromResult(result(input));
        return this;
    }

    public ScriptedContext OnAsync(string activity, Func<JsonNode?, Task<object?>> result)
    {
        _handlers[activity] = result;
        return this;
    }

    public ScriptedContext Fail(string activity, string message = "boom") =>
        OnAsync(activity, _ => Task.FromException<object?>(Failure(activity, message)));

    public static TaskFailedException Failure(string activity, string message) =>
        new(activity, 0, new TaskFailureDetails("System.InvalidOperationException", message, null, null, null));

    /// <summary>
    /// Decisions delivered to successive approval waits; a wait beyond the list never completes. Unless
    /// <see cref="ConfirmFrom"/> says otherwise, the inbox confirms each delivered decision as recorded.
    /// </summary>
    public void ScriptDecisions(string stepId, params Task<ApprovalDecision>[] decisions)
    {
        _decisions.AddRange(decisions);
        var queue = new Queue<Task<ApprovalDecision>>(decisions);
        Mock.Setup(c => c.WaitForExternalEvent<ApprovalDecision>(ApprovalEvents.EventName(stepId), It.IsAny<CancellationToken>()))
            .Returns(() => queue.Count > 0 ? queue.Dequeue() : new TaskCompletionSource<ApprovalDecision>().Task);
    }

    /// <summary>
    /// The inbox's answer to <c>ConfirmApprovalDecision</c>: only these decisions are recorded; an event naming anyone
    /// else was raised without a decision in the inbox.
    /// </summary>
    public ScriptedContext ConfirmFrom(params ApprovalDecision[] recorded) =>
        On(ConfirmApprovalDecision.Name, input => recorded.FirstOrDefault(d =>
            string.Equals(d.Approver, input!["approver"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>Timers in creation order; a timer beyond the list never fires.</summary>
    public List<DateTime> ScriptTimers(params Task[] timers)
    {
        var created = new List<DateTime>();
        var queue = new Queue<Task>(timers);
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) =>
            {
                created.Add(fireAt);
                return queue.Count > 0 ? queue.Dequeue() : new TaskCompletionSource().Task;
            });
        return created;
    }

    private void SetupActivity<T>() =>
        Mock.Setup(c => c.CallActivityAsync<T>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? options) => HandleAsync<T>(name.Name, input, options));

    private async Task<T> HandleAsync<T>(string name, object? input, TaskOptions? options)
    {
        var json = input is null ? null : JsonSerializer.SerializeToNode(input, input.GetType(), s_json);
        Calls.Add((name, json, options));
        _taskId++;
        if (!_handlers.TryGetValue(name, out var handler))
        {
            throw new InvalidOperationException($"No scripted answer for activity '{name}'.");
        }

        var result = await handler(json?.DeepClone());
        return JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(result, s_json), s_json)!;
    }
}
