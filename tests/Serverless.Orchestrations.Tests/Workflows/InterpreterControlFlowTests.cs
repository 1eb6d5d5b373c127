using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Serverless.Activities.Approvals;
using Serverless.Approvals;
using Serverless.Orchestrations.Workflows;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Versioning;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>Unit tests of the interpreter's control flow against a mocked orchestration port.</summary>
public sealed class InterpreterControlFlowTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly WorkflowInterpreterOptions Quiet = WorkflowTestHost.FastOptions with { AuditEnabled = false, LoopIterationsPerExecution = 3 };

    private readonly Mock<TaskOrchestrationContext> _context = new();
    private readonly List<(string Name, JsonNode? Input)> _calls = [];
    private object? _continuedWith;

    public InterpreterControlFlowTests()
    {
        _context.SetupGet(c => c.InstanceId).Returns("unit-1");
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(Start);
        _context.Setup(c => c.NewGuid()).Returns(Guid.Empty);
        _context.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);
        _context.Setup(c => c.CallActivityAsync<JsonNode?>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? _) =>
            {
                var json = input is null ? null : JsonSerializer.SerializeToNode(input);
                _calls.Add((name.Name, json));
                return name.Name == "fail"
                    ? Task.FromException<JsonNode?>(new TaskFailedException(name.Name, _calls.Count, new TaskFailureDetails("System.InvalidOperationException", "nope", null, null, null)))
                    : Task.FromResult(json);
            });
        _context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback((object? input, bool _) => _continuedWith = input);
    }

    [Fact]
    public async Task Loop_ReachesIterationsPerExecution_ContinuesAsNewWithExplicitState()
    {
        var output = await RunAsync("""
            { "name": "spin", "version": 1, "vars": { "n": 0 }, "steps": [
                { "id": "pre", "kind": "activity", "activity": "echo", "input": "pre" },
                { "id": "spin", "kind": "loop", "maxIterations": 100, "while": "true",
                  "steps": [ { "id": "tick", "kind": "activity", "activity": "echo", "input": "{{index}}", "assign": { "n": "{{vars.n + 1}}" } } ] } ] }
            """);

        Assert.Null(output);
        Assert.Equal(["\"pre\"", "0", "1", "2"], _calls.Select(c => c.Input!.ToJsonString()));
        var next = Assert.IsType<WorkflowRunInput>(_continuedWith);
        var continuation = next.Continuation!;
        Assert.Equal(1, continuation.ResumeAt);
        Assert.Equal(3, continuation.LoopIteration);
        Assert.Equal("3", continuation.Vars["n"]!.ToJsonString());
        Assert.Equal("pre", continuation.Steps["pre"].Output!.GetValue<string>());
        Assert.Equal(4, continuation.StepsCompleted);
        Assert.Equal(Start, continuation.StartedAt);
    }

    [Fact]
    public async Task Loop_ResumedFromContinuation_StartsAtRecordedIterationWithoutRestartingEarlierSteps()
    {
        var definition = """
            { "name": "spin", "version": 1, "steps": [
                { "id": "pre", "kind": "activity", "activity": "echo", "input": "pre" },
                { "id": "spin", "kind": "loop", "maxIterations": 5, "onMaxIterations": "continue", "while": "true",
                  "steps": [ { "id": "tick", "kind": "activity", "activity": "echo", "input": "{{index}}" } ] } ],
              "output": { "pre": "{{steps.pre.output}}", "last": "{{steps.spin.output}}" } }
            """;
        var continuation = new WorkflowContinuation
        {
            ResumeAt = 1,
            LoopIteration = 3,
            Steps = new Dictionary<string, StepResult> { ["pre"] = new(JsonValue.Create("pre")) },
            Vars = new Dictionary<string, JsonNode?>(),
            Compensations = [],
            StepsCompleted = 4,
            NextEventSequence = 12,
            StartedAt = Start.AddMinutes(-5),
            Generation = 1,
        };

        var output = await RunAsync(definition, continuation: continuation);

        Assert.Equal([3, 4], _calls.Select(c => c.Input!.GetValue<int>()));
        Assert.Equal("pre", output!.Output!["pre"]!.GetValue<string>());
        Assert.Equal(4, output.Output!["last"]!.GetValue<int>());
        Assert.Equal(7, output.StepsCompleted);
    }

    [Fact]
    public async Task Foreach_ItemFailsWithFailPolicy_StartsNoFurtherItemsAndFails()
    {
        var error = await Assert.ThrowsAsync<WorkflowFailedException>(() => RunAsync("""
            { "name": "each", "version": 1, "steps": [
                { "id": "all", "kind": "foreach", "items": "['a', 'fail', 'c', 'd']",
                  "steps": [ { "id": "one", "kind": "activity", "activity": "router", "input": "{{item}}" } ] } ] }
            """, route: true));

        Assert.Equal("one", error.FailedStep);
        Assert.Equal(["a", "fail"], _calls.Select(c => c.Input!.GetValue<string>()));
    }

    [Fact]
    public async Task Approval_DecisionsFromEvents_CountsOnlyListedDistinctApproversAndClosesTheRequest()
    {
        var decisions = new Queue<ApprovalDecision?>([new("eve", true), new("ann", true), new("ann", true), new("bo", true)]);
        _context.Setup(c => c.WaitForExternalEvent<ApprovalDecision?>(ApprovalEvents.EventName("ok"), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult(decisions.Dequeue()));
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        _context.Setup(c => c.CallActivityAsync<ApprovalDecision?>(It.Is<TaskName>(n => n.Name == ConfirmApprovalDecision.Name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) => Task.FromResult<ApprovalDecision?>(new(((ConfirmDecisionInput)input!).Approver, true)));

        var output = await RunAsync("""
            { "name": "ok", "version": 1, "steps": [ { "id": "ok", "kind": "approval", "approvers": ["ann", "bo"], "quorum": 2, "timeout": "P1D" } ] }
            """);

        Assert.Equal("approved", output!.Output!["decision"]!.GetValue<string>());
        Assert.Empty(decisions);
        _context.Verify(c => c.CallActivityAsync<ApprovalRecord>(
            It.Is<TaskName>(n => n.Name == RequestApproval.Name),
            It.Is<ApprovalRequest>(r => r.DueAt == new DateTimeOffset(Start.AddDays(1)) && r.Quorum == 2 && r.Approvers.SequenceEqual(new[] { "ann", "bo" })),
            null), Times.Once);
        _context.Verify(c => c.CallActivityAsync<bool>(
            It.Is<TaskName>(n => n.Name == CloseApproval.Name), new CloseApprovalInput("unit-1", "ok", "approved"), null), Times.Once);
        _context.Verify(c => c.CreateTimer(Start.AddDays(1), It.IsAny<CancellationToken>()), Times.Exactly(4));
        _context.Verify(c => c.CallActivityAsync<ApprovalDecision?>(
            It.Is<TaskName>(n => n.Name == ConfirmApprovalDecision.Name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Compensate_StepFails_CallsCompensationsNewestFirstWithEvaluatedInputs()
    {
        await Assert.ThrowsAsync<WorkflowFailedException>(() => RunAsync("""
            { "name": "saga", "version": 1, "onFailure": "compensate", "steps": [
                { "id": "a", "kind": "activity", "activity": "echo", "input": "A", "compensate": { "activity": "undo", "input": "undo {{steps.a.output}}" } },
                { "id": "b", "kind": "activity", "activity": "echo", "input": "B", "compensate": { "activity": "undo", "input": "undo {{steps.b.output}}" } },
                { "id": "c", "kind": "activity", "activity": "fail" } ] }
            """));

        Assert.Equal(["echo", "echo", "fail", "undo", "undo"], _calls.Select(c => c.Name));
        Assert.Equal(["undo B", "undo A"], _calls.Skip(3).Select(c => c.Input!.GetValue<string>()));
        _context.Verify(c => c.SetCustomStatus(It.Is<WorkflowProgress>(p => p.Phase == WorkflowPhases.Compensating)), Times.Once);
    }

    private async Task<WorkflowRunOutput?> RunAsync(string definition, WorkflowContinuation? continuation = null, bool route = false)
    {
        if (route)
        {
            _context.Setup(c => c.CallActivityAsync<JsonNode?>(It.Is<TaskName>(n => n.Name == "router"), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
                .Returns((TaskName name, object? input, TaskOptions? _) =>
                {
                    var json = JsonSerializer.SerializeToNode(input);
                    _calls.Add((name.Name, json));
                    return json!.GetValue<string>() == "fail"
                        ? Task.FromException<JsonNode?>(new TaskFailedException("router", 1, new TaskFailureDetails("X", "item failed", null, null, null)))
                        : Task.FromResult<JsonNode?>(json);
                });
        }

        var canonical = CanonicalJson.Serialize(JsonNode.Parse(definition));
        var input = new WorkflowRunInput
        {
            Workflow = "unit",
            Version = 1,
            ContentHash = CanonicalJson.Hash(JsonNode.Parse(canonical)),
            Definition = canonical,
            Continuation = continuation,
        };
        return await new WorkflowOrchestrator(Quiet).RunAsync(_context.Object, input);
    }
}
