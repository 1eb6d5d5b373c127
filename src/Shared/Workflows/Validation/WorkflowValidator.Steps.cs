using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;

namespace Serverless.Workflows.Validation;

/// <summary>Kind-specific rules: activities and goto, approvals, transactions, sub-workflows.</summary>
public sealed partial class WorkflowValidator
{
    private void CheckActivity(ActivityStep step, StepSequence sequence, int index, ReferenceScope scope)
    {
        CheckCall(step.Call, scope);
        CheckTimeout(step.Timeout, step.Path + ".timeout");
        if (step.Fallback is { } fallback)
            CheckCall(fallback, scope);
        if (step.Compensate is { } compensate)
            CheckCall(compensate, scope.WithVisible(step.Id));
        if (step.Retry is { } retry && retry.MaxAttempts > _options.MaxRetryAttempts)
            _diagnostics.Add(DiagnosticCodes.LimitExceeded, step.Path + ".retry.maxAttempts",
                $"retry.maxAttempts {retry.MaxAttempts} is above the allowed maximum of {_options.MaxRetryAttempts}.");
        CheckGoto(step, sequence, index);
    }

    private void CheckGoto(ActivityStep step, StepSequence sequence, int index)
    {
        var path = step.Path + ".goto";
        if (step.OnError != ErrorAction.Goto)
        {
            if (step.Goto is not null)
                _diagnostics.Add(DiagnosticCodes.InvalidValue, path, "'goto' is only used with \"onError\": \"goto\".");
            return;
        }
        if (step.Goto is null)
        {
            _diagnostics.Add(DiagnosticCodes.MissingProperty, path, "\"onError\": \"goto\" needs a 'goto' target step id.");
            return;
        }
        var target = -1;
        for (var i = 0; i < sequence.Steps.Count; i++)
        {
            if (sequence.Steps[i].Id == step.Goto)
                target = i;
        }
        if (target < 0)
        {
            var elsewhere = _allSteps.TryGetValue(step.Goto, out var other) ? $" (it is at {other.Path}, outside this step's sequence)" : string.Empty;
            _diagnostics.Add(DiagnosticCodes.GotoTargetNotFound, path,
                $"goto target '{step.Goto}' is not a step of the same sequence{elsewhere}.");
        }
        else if (target <= index)
        {
            _diagnostics.Add(DiagnosticCodes.GotoCycle, path,
                $"goto target '{step.Goto}' is not after this step; jumping back would form a cycle (use a loop with maxIterations).");
        }
    }

    private void CheckCall(ActivityCall call, ReferenceScope scope)
    {
        CheckTemplate(call.Input, scope, call);
        if (call.Activity.Length == 0)
            return;
        if (_options.InterpreterActivities is { } internals && internals.Contains(call.Activity))
            _diagnostics.Add(DiagnosticCodes.ActivityNotAllowed, call.Path,
                $"Activity '{call.Activity}' belongs to the workflow interpreter (approval steps and the audit trail use it); a step cannot call it.");
        else if (_options.ActivityRegistry is { } registry && !registry.Contains(call.Activity))
            _diagnostics.Add(DiagnosticCodes.UnknownActivity, call.Path, $"Activity '{call.Activity}' is not registered.");
        else if (_options.AllowedActivities is { } allowed && !allowed.Contains(call.Activity))
            _diagnostics.Add(DiagnosticCodes.ActivityNotAllowed, call.Path, $"Activity '{call.Activity}' is not on the allow-list of this environment.");
    }

    private void CheckApproval(ApprovalStep step, ReferenceScope scope)
    {
        CheckTemplate(step.Request, scope);
        CheckTimeout(step.Timeout, step.Path + ".timeout");
        CheckUniqueNames(step.Approvers, step.Path + ".approvers", "Approver");
        var approvers = step.Approvers.Distinct(StringComparer.Ordinal).Count();
        if (approvers > 0 && (step.Quorum < 1 || step.Quorum > approvers))
            _diagnostics.Add(DiagnosticCodes.InvalidQuorum, step.Path + ".quorum",
                $"Quorum {step.Quorum} must be between 1 and the number of distinct approvers ({approvers}).");
        var previous = TimeSpan.Zero;
        for (var i = 0; i < step.Escalation.Count; i++)
        {
            var after = step.Escalation[i].After;
            var path = $"{step.Path}.escalation[{i}].after";
            if (step.Timeout is { } timeout && after >= timeout)
                _diagnostics.Add(DiagnosticCodes.UnreachableEscalation, path,
                    $"Escalation after {IsoDuration.Format(after)} is never reached: the approval times out after {IsoDuration.Format(timeout)}.");
            else if (after <= previous && i > 0)
                _diagnostics.Add(DiagnosticCodes.UnreachableEscalation, path,
                    "Escalation levels must have strictly increasing 'after' durations.");
            previous = after;
        }
    }

    private void CheckTransaction(TransactionStep step, ReferenceScope scope)
    {
        CheckUniqueNames(step.Participants.Select(p => p.Name), step.Path + ".participants", "Participant");
        foreach (var participant in step.Participants)
        {
            CheckCall(participant.Prepare, scope);
            var prepared = scope with { HasItem = true };
            CheckCall(participant.Commit, prepared);
            CheckCall(participant.Abort, prepared);
        }
    }
}
