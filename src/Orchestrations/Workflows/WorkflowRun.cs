using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Serverless.Secrets;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;
using Serverless.Workflows.Templates;
using Serverless.Workflows.Validation;

namespace Serverless.Orchestrations.Workflows;

/// <summary>
/// One execution of a workflow definition inside the interpreter orchestrator. Everything it does goes through
/// the orchestration context (time, ids, timers, events, activities), so it replays to the same actions.
/// Partial files hold one step kind or concern each.
/// </summary>
internal sealed partial class WorkflowRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly WorkflowRunInput _input;
    private readonly CompiledWorkflow _compiled;
    private readonly WorkflowInterpreterOptions _options;
    private readonly WorkflowContinuation? _resume;
    private readonly JsonNode? _workflowInput;
    private readonly Dictionary<string, JsonNode?> _vars;
    private readonly List<CompensationEntry> _compensations;
    private readonly List<Task> _activitiesInFlight = [];
    private readonly StepScope _root;
    private readonly DateTime _startedAt;
    private readonly ILogger _logger;
    private int _stepsCompleted;
    private string? _currentStep;
    private string _phase = WorkflowPhases.Running;

    public WorkflowRun(TaskOrchestrationContext context, WorkflowRunInput input, CompiledWorkflow compiled, WorkflowInterpreterOptions options)
    {
        _context = context;
        _input = input;
        _compiled = compiled;
        _options = options;
        _resume = input.Continuation;
        _workflowInput = input.Input is { ValueKind: not JsonValueKind.Undefined } element ? JsonSerializer.SerializeToNode(element) : null;
        _vars = _resume is null ? new(StringComparer.Ordinal) : new(_resume.Vars, StringComparer.Ordinal);
        _compensations = _resume is null ? [] : [.. _resume.Compensations];
        _root = StepScope.Root(_resume?.Steps);
        _startedAt = _resume?.StartedAt ?? context.CurrentUtcDateTime;
        _stepsCompleted = _resume?.StepsCompleted ?? 0;
        _nextSequence = _resume?.NextEventSequence ?? 1;
        _logger = context.CreateReplaySafeLogger(typeof(WorkflowOrchestrator).FullName!);
    }

    private WorkflowDefinition Definition => _compiled.Definition;

    private DateTime Now => DateTime.SpecifyKind(_context.CurrentUtcDateTime, DateTimeKind.Utc);

    /// <summary>Runs the definition to its end; returns null when the instance continued as new.</summary>
    public async Task<WorkflowRunOutput?> RunAsync()
    {
        try
        {
            if (_resume is null)
                await StartAsync();
            var last = await WithDefinitionTimeoutAsync(() => RunSequenceAsync(_compiled.Graph.Root, _root, _resume?.ResumeAt ?? 0));
            var output = Definition.Output is { } mapping ? EvaluateOrFail(mapping, _root, "$.output") : last;
            _phase = WorkflowPhases.Completed;
            _currentStep = null;
            Emit(WorkflowEventTypes.WorkflowCompleted, null, new JsonObject { ["stepsCompleted"] = _stepsCompleted });
            PublishProgress();
            await FlushEventsAsync();
            Log.Completed(_logger, Definition.Name, Definition.Version, _context.InstanceId, _stepsCompleted);
            return new WorkflowRunOutput
            {
                Workflow = _input.Workflow,
                Version = _input.Version,
                Output = output,
                StepsCompleted = _stepsCompleted,
                EventsRecorded = (int)(_nextSequence - 1),
            };
        }
        catch (ContinueAsNewSignal signal)
        {
            await ContinueAsNewAsync(signal);
            return null;
        }
        catch (StepFailedException failure)
        {
            throw await FailAsync(failure);
        }
    }

    // Validates the input (a misfit fails the instance before any step) and sets the initial variables.
    private async Task StartAsync()
    {
        var problems = Definition.Input.Check(_workflowInput);
        if (problems.Count > 0)
        {
            var message = $"The input of workflow '{Definition.Name}' version {Definition.Version} does not fit its schema: {string.Join(" ", problems)}";
            Emit(WorkflowEventTypes.WorkflowFailed, null, new JsonObject { ["error"] = message });
            _phase = WorkflowPhases.Failed;
            PublishProgress();
            await FlushEventsAsync();
            Log.Failed(_logger, Definition.Name, Definition.Version, _context.InstanceId, "(input)", message);
            throw new WorkflowFailedException(message);
        }

        Log.Started(_logger, Definition.Name, Definition.Version, _context.InstanceId);
        Emit(WorkflowEventTypes.WorkflowStarted, null, new JsonObject
        {
            ["input"] = _workflowInput?.DeepClone(),
            ["startedBy"] = _input.StartedBy,
            ["contentHash"] = _input.ContentHash,
        });
        PublishProgress();
        foreach (var (name, template) in Definition.Vars)
            _vars[name] = EvaluateOrFail(template, _root, $"$.vars.{name}");
    }

    private async Task<JsonNode?> WithDefinitionTimeoutAsync(Func<Task<JsonNode?>> run)
    {
        if (Definition.Timeout is not { } timeout)
            return await run();
        using var cancelTimer = new CancellationTokenSource();
        var work = run();
        var timer = _context.CreateTimer(_startedAt.Add(timeout), cancelTimer.Token);
        var winner = await Task.WhenAny(work, timer);
        if (winner == work)
        {
            cancelTimer.Cancel();
            return await work;
        }

        _root.Halt();
        throw new StepFailedException(
            _currentStep ?? "(workflow)", $"the workflow timed out after {IsoDuration.Format(timeout)}.", nameof(TimeoutException));
    }

    private void PublishProgress() =>
        _context.SetCustomStatus(new WorkflowProgress(_stepsCompleted, _compiled.Graph.Count, _currentStep, _phase));

    private EvaluationScope ScopeFor(StepScope scope) => new()
    {
        Input = _workflowInput,
        Steps = scope,
        Vars = _vars,
        Item = scope.CurrentItem,
        Index = scope.Index,
        InstanceId = _context.InstanceId,
        WorkflowName = Definition.Name,
        WorkflowVersion = Definition.Version,
        Now = new DateTimeOffset(Now),
    };

    private JsonNode? Evaluate(JsonTemplate template, StepScope scope) => template.Evaluate(ScopeFor(scope));

    /// <summary>
    /// Evaluates an activity call's input. The activity side resolves every <c>{{secrets.NAME}}</c> it finds, so a
    /// reference may only come from the definition: text from the instance input, a step output or an event that
    /// forms one fails the call instead of reading a secret the definition never named.
    /// </summary>
    private JsonNode? Evaluate(ActivityCall call, StepScope scope)
    {
        var input = Evaluate(call.Input, scope);
        if (SecretReference.Count(input) > call.Input.SecretReferenceCount)
            throw new ExpressionEvaluationException(
                $"The input of activity '{call.Activity}' holds secret reference text that comes from data (input, a step output or an event), not from the definition; only references the definition writes are resolved.");
        return input;
    }

    private JsonNode? EvaluateOrFail(JsonTemplate template, StepScope scope, string where, string? stepId = null)
    {
        try
        {
            return template.Evaluate(ScopeFor(scope));
        }
        catch (ExpressionException e)
        {
            throw new StepFailedException(stepId ?? _currentStep ?? "(workflow)", $"evaluating {where}: {e.Message}", e.GetType().Name, e);
        }
    }

    private static JsonNode? Own(JsonNode? node) => node?.DeepClone();

    private static JsonElement? ToElement(JsonNode? node) => node is null ? null : JsonSerializer.SerializeToElement(node);
}
