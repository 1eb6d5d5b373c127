using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;
using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Validation;

/// <summary>Walks step sequences in execution order, checking each expression against what has run by then.</summary>
public sealed partial class WorkflowValidator
{
    private void WalkSequence(StepSequence sequence, ReferenceScope scope)
    {
        for (var i = 0; i < sequence.Steps.Count; i++)
        {
            var step = sequence.Steps[i];
            CheckStep(step, sequence, i, scope);
            var after = scope.WithVisible(step.Id);
            foreach (var template in step.Assign.Values)
                CheckTemplate(template, after);
            scope = after;
        }
    }

    private void CheckStep(WorkflowStep step, StepSequence sequence, int index, ReferenceScope scope)
    {
        switch (step)
        {
            case ActivityStep activity:
                CheckActivity(activity, sequence, index, scope);
                break;
            case ParallelStep parallel:
                CheckUniqueNames(parallel.Branches.Select(b => b.Name), parallel.Path + ".branches", "Branch");
                foreach (var branch in parallel.Branches)
                    WalkSequence(branch.Sequence, scope);
                break;
            case ForeachStep loop:
                CheckExpression(loop.Items, loop.Path + ".items", scope);
                var body = scope with { HasItem = true, HasIndex = true };
                CheckExpression(loop.Break, loop.Path + ".break", body);
                if (loop.MaxConcurrency > _options.MaxConcurrency)
                    _diagnostics.Add(DiagnosticCodes.LimitExceeded, loop.Path + ".maxConcurrency",
                        $"maxConcurrency {loop.MaxConcurrency} is above the allowed maximum of {_options.MaxConcurrency}.");
                WalkSequence(loop.Body, body);
                break;
            case SwitchStep gateway:
                for (var c = 0; c < gateway.Cases.Count; c++)
                    CheckExpression(gateway.Cases[c].When, $"{gateway.Path}.cases[{c}].when", scope);
                foreach (var child in gateway.Children)
                    WalkSequence(child, scope);
                break;
            case LoopStep loop:
                CheckLoop(loop, scope);
                break;
            case ApprovalStep approval:
                CheckApproval(approval, scope);
                break;
            case WaitStep wait:
                CheckTimeout(wait.Timeout, wait.Path + ".timeout");
                break;
            case DelayStep delay:
                foreach (var expression in delay.Until?.Expressions ?? [])
                    CheckExpression(expression, delay.Path + ".until", scope);
                break;
            case SubWorkflowStep call:
                CheckTemplate(call.Input, scope);
                CheckSubWorkflow(call);
                break;
            case TransactionStep transaction:
                CheckTransaction(transaction, scope);
                break;
        }
    }

    private void CheckLoop(LoopStep loop, ReferenceScope scope)
    {
        var iteration = scope with { HasIndex = true };
        CheckExpression(loop.While, loop.Path + ".while", iteration);
        CheckExpression(loop.Until, loop.Path + ".until", iteration.WithVisible(loop.Body.Steps.Select(s => s.Id)));
        if (loop.MaxIterations < 1)
            _diagnostics.Add(DiagnosticCodes.UnboundedLoop, loop.Path + ".maxIterations",
                "A loop must declare 'maxIterations' (a hard cap), otherwise it could run forever.");
        else if (loop.MaxIterations > _options.MaxLoopIterations)
            _diagnostics.Add(DiagnosticCodes.UnboundedLoop, loop.Path + ".maxIterations",
                $"maxIterations {loop.MaxIterations} is above the allowed maximum of {_options.MaxLoopIterations}.");
        WalkSequence(loop.Body, iteration);
    }

    // Only an activity call's input may resolve secrets (call is null everywhere else).
    private void CheckTemplate(JsonTemplate template, ReferenceScope scope, ActivityCall? call = null)
    {
        foreach (var site in template.Expressions)
            CheckExpression(site.Expression, site.Path, scope, call);
    }

    private void CheckExpression(Expression? expression, string path, ReferenceScope scope, ActivityCall? call = null)
    {
        if (expression is null)
            return;
        if (expression.SecretReferences.Count > 0)
            CheckSecrets(expression, path, call);
        if (!scope.HasItem && expression.ScopesUsed.Contains("item"))
            _diagnostics.Add(DiagnosticCodes.ScopeUnavailable, path,
                $"'item' is only available inside a foreach body or a transaction's commit/abort input (in '{expression.Text}').");
        if (!scope.HasIndex && expression.ScopesUsed.Contains("index"))
            _diagnostics.Add(DiagnosticCodes.ScopeUnavailable, path,
                $"'index' is only available inside a foreach or loop (in '{expression.Text}').");
        foreach (var id in expression.StepReferences.Order(StringComparer.Ordinal))
        {
            if (!_allSteps.TryGetValue(id, out var target))
                _diagnostics.Add(DiagnosticCodes.UnknownStepReference, path, $"Step '{id}' does not exist (in '{expression.Text}').");
            else if (!scope.Visible.Contains(id))
                _diagnostics.Add(DiagnosticCodes.StepNotYetRun, path,
                    $"Step '{id}' (at {target.Path}) cannot have run before this point: it runs later, in another branch, or inside a body that has already ended (in '{expression.Text}').");
        }
    }

    private void CheckUniqueNames(IEnumerable<string> names, string path, string what)
    {
        foreach (var duplicate in names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
            _diagnostics.Add(DiagnosticCodes.DuplicateName, path, $"{what} name '{duplicate.Key}' is used more than once.");
    }
}
