using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    private async Task<StepResult> RunWaitAsync(WaitStep step, StepScope scope)
    {
        await FlushEventsAsync();
        if (step.Timeout is not { } timeout)
            return new StepResult(await _context.WaitForExternalEvent<JsonNode?>(step.Event));
        try
        {
            return new StepResult(await _context.WaitForExternalEvent<JsonNode?>(step.Event, timeout));
        }
        catch (TaskCanceledException) when (!scope.IsHalted)
        {
            if (step.OnTimeout == WaitTimeoutAction.Continue)
                return new StepResult(null);
            throw new StepFailedException(step.Id, $"event '{step.Event}' did not arrive within {IsoDuration.Format(timeout)}.", nameof(TimeoutException));
        }
    }

    private async Task<StepResult> RunDelayAsync(DelayStep step, StepScope scope)
    {
        var fireAt = step.Duration is { } duration ? Now.Add(duration) : UntilOf(step, scope);
        if (fireAt > Now)
        {
            await FlushEventsAsync();
            await _context.CreateTimer(fireAt, CancellationToken.None);
        }

        return new StepResult(null);
    }

    private DateTime UntilOf(DelayStep step, StepScope scope)
    {
        var value = step.Until!.Evaluate(ScopeFor(scope));
        if (!JsonValues.TryGetString(value, out var text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var until))
        {
            throw new StepFailedException(step.Id, $"'until' ({step.Until.Text}) yielded {value?.ToJsonString() ?? "null"}, not an ISO-8601 timestamp.", "InvalidTimestamp");
        }

        return until.UtcDateTime;
    }
}
