using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;

namespace Serverless.Workflows.Validation;

/// <summary>Governance policies and sub-workflow resolution.</summary>
public sealed partial class WorkflowValidator
{
    private const int MaxCatalogWalk = 1_000;

    private void CheckPolicies()
    {
        CheckTimeout(_definition.Timeout, "$.timeout");
        var hasApproval = _allSteps.Values.Any(s => s is ApprovalStep);
        for (var i = 0; i < _definition.Tags.Count; i++)
        {
            var tag = _definition.Tags[i];
            if (!hasApproval && _options.TagsRequiringApproval.Contains(tag))
                _diagnostics.Add(DiagnosticCodes.ApprovalRequired, $"$.tags[{i}]",
                    $"Definitions tagged '{tag}' must contain an approval step.");
        }
    }

    private void CheckTimeout(TimeSpan? timeout, string path)
    {
        if (timeout is { } value && _options.MaxTimeout is { } max && value > max)
            _diagnostics.Add(DiagnosticCodes.TimeoutAboveMaximum, path,
                $"Timeout {IsoDuration.Format(value)} is above the allowed maximum of {IsoDuration.Format(max)}.");
    }

    private void CheckSubWorkflow(SubWorkflowStep call)
    {
        var path = call.Path + ".workflow";
        if (call.Workflow == _definition.Name)
        {
            _diagnostics.Add(DiagnosticCodes.WorkflowCycle, path, $"Workflow '{call.Workflow}' calls itself.");
            return;
        }
        if (_options.ResolveWorkflow is not { } resolve || call.Workflow.Length == 0)
            return;
        var child = resolve(call.Workflow, call.Version);
        if (child is null)
        {
            _diagnostics.Add(DiagnosticCodes.UnknownWorkflow, path, $"Workflow '{call.Workflow}' version {call.Version} is not published.");
            return;
        }
        if (FindCycle(child, resolve) is { } chain)
            _diagnostics.Add(DiagnosticCodes.WorkflowCycle, path,
                $"Calling '{call.Workflow}' forms a cycle: {_definition.Name} -> {string.Join(" -> ", chain)}.");
    }

    // Breadth-first over published definitions; stops at MaxCatalogWalk to stay bounded on huge catalogs.
    private List<string>? FindCycle(WorkflowDefinition start, Func<string, int, WorkflowDefinition?> resolve)
    {
        var queue = new Queue<(WorkflowDefinition Definition, List<string> Chain)>();
        queue.Enqueue((start, [start.Name]));
        var seen = new HashSet<(string, int)> { (start.Name, start.Version) };
        while (queue.Count > 0 && seen.Count < MaxCatalogWalk)
        {
            var (definition, chain) = queue.Dequeue();
            foreach (var call in SubWorkflowCalls(definition.Steps))
            {
                if (call.Workflow == _definition.Name)
                    return [.. chain, call.Workflow];
                if (seen.Add((call.Workflow, call.Version)) && resolve(call.Workflow, call.Version) is { } next)
                    queue.Enqueue((next, [.. chain, next.Name]));
            }
        }
        return null;
    }

    private static IEnumerable<SubWorkflowStep> SubWorkflowCalls(IEnumerable<WorkflowStep> steps) =>
        steps.SelectMany(s => s.Children.SelectMany(c => SubWorkflowCalls(c.Steps)).Prepend(s)).OfType<SubWorkflowStep>();
}
