using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    // Order on failure: retries, then fallback, then onError (the workflow's onFailure applies to what is left).
    private async Task<StepResult> RunActivityStepAsync(ActivityStep step, StepScope scope)
    {
        var input = Evaluate(step.Call, scope);
        await FlushBeforeAuditAsync(step.Call.Activity);
        StepFailedException failure;
        try
        {
            var output = await CallWithRetriesAsync(step, input, scope);
            RegisterCompensation(step, scope, output);
            return new StepResult(output);
        }
        catch (Exception e) when (e is TaskFailedException or TimeoutException)
        {
            failure = StepFailedException.From(step.Id, e);
        }

        if (step.Fallback is { } fallback)
        {
            Emit(WorkflowEventTypes.StepFailed, step.Id, new JsonObject { ["error"] = failure.ToJson(), ["handling"] = "fallback" });
            try
            {
                await FlushBeforeAuditAsync(fallback.Activity);
                return new StepResult(await TrackActivity(_context.CallActivityAsync<JsonNode?>(fallback.Activity, Evaluate(fallback, scope))));
            }
            catch (TaskFailedException e)
            {
                failure = StepFailedException.From(step.Id, e);
            }
        }

        return step.OnError switch
        {
            ErrorAction.Continue => new StepResult(null, failure.ToJson()),
            ErrorAction.Goto => throw new GotoSignal(step.Goto!, failure.ToJson()),
            _ => throw failure,
        };
    }

    private async Task<JsonNode?> CallWithRetriesAsync(ActivityStep step, JsonNode? input, StepScope scope)
    {
        if (step.Timeout is not { } timeout)
        {
            // Without a per-attempt timeout the port's retry loop runs the attempts; our handler decides and waits.
            var options = step.Retry is { MaxAttempts: > 1 }
                ? TaskOptions.FromRetryHandler(retry => RetryAsync(step, scope, retry.LastAttemptNumber, retry.LastFailure.ErrorMessage))
                : null;
            return await TrackActivity(_context.CallActivityAsync<JsonNode?>(step.Call.Activity, input, options));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RaceAsync(TrackActivity(_context.CallActivityAsync<JsonNode?>(step.Call.Activity, input)), timeout, step.Call.Activity);
            }
            catch (Exception e) when (e is TaskFailedException or TimeoutException)
            {
                var reason = e is TaskFailedException failed ? failed.FailureDetails.ErrorMessage : e.Message;
                if (!await RetryAsync(step, scope, attempt, reason))
                    throw;
            }
        }
    }

    /// <summary>Decides whether attempt <paramref name="failedAttempt"/> is retried; waits the back-off on a durable timer.</summary>
    private async Task<bool> RetryAsync(ActivityStep step, StepScope scope, int failedAttempt, string reason)
    {
        if (step.Retry is not { } retry || failedAttempt >= retry.MaxAttempts || scope.IsHalted)
            return false;
        var delay = retry.DelayBefore(failedAttempt + 1);
        Emit(WorkflowEventTypes.StepRetrying, step.Id, new JsonObject
        {
            ["failedAttempt"] = failedAttempt,
            ["nextAttempt"] = failedAttempt + 1,
            ["delay"] = IsoDuration.Format(delay),
            ["error"] = reason,
        });
        if (delay > TimeSpan.Zero)
            await _context.CreateTimer(Now.Add(delay), CancellationToken.None);
        return true;
    }

    /// <summary>Races work against a durable timer; the timer is cancelled when the work wins.</summary>
    private async Task<T> RaceAsync<T>(Task<T> work, TimeSpan timeout, string what)
    {
        using var cancelTimer = new CancellationTokenSource();
        var timer = _context.CreateTimer(Now.Add(timeout), cancelTimer.Token);
        var winner = await Task.WhenAny(work, timer);
        if (winner == work)
        {
            cancelTimer.Cancel();
            return await work;
        }

        // The abandoned attempt's result no longer matters: a failing workflow must not wait for it to settle.
        _activitiesInFlight.Remove(work);
        throw new TimeoutException($"'{what}' did not finish within {IsoDuration.Format(timeout)}.");
    }

    private void RegisterCompensation(ActivityStep step, StepScope scope, JsonNode? output)
    {
        if (step.Compensate is not { } compensate)
            return;
        scope.Set(step.Id, new StepResult(output));
        try
        {
            _compensations.Add(new CompensationEntry(step.Id, compensate.Activity, Evaluate(compensate, scope)));
        }
        catch (ExpressionException e)
        {
            // The side effect happened; an input we cannot build is reported when compensation runs, not lost.
            _compensations.Add(new CompensationEntry(step.Id, compensate.Activity, null) { InputError = e.Message });
        }
    }

    /// <summary>Remembers an activity call so a failing workflow lets it settle before compensating.</summary>
    private Task<T> TrackActivity<T>(Task<T> call)
    {
        _activitiesInFlight.RemoveAll(t => t.IsCompleted);
        _activitiesInFlight.Add(call);
        return call;
    }
}
