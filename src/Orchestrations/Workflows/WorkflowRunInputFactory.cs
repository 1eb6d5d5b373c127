using System.Text.Json;
using Serverless.Workflows.Model;
using Serverless.Workflows.Versioning;

namespace Serverless.Orchestrations.Workflows;

/// <summary>Builds what the interpreter is started with: the pinned definition and every sub-workflow it can reach.</summary>
public static class WorkflowRunInputFactory
{
    /// <summary>Resolves the transitive sub-workflow closure of <paramref name="root"/> and builds the run input.</summary>
    /// <param name="root">The published version to run.</param>
    /// <param name="resolve">Finds a published version by name and version (e.g. <see cref="WorkflowCatalog.Get"/>).</param>
    /// <param name="input">The start input.</param>
    /// <param name="startedBy">Who starts it (audit).</param>
    /// <param name="correlationId">Correlation id (audit).</param>
    /// <returns>The run input.</returns>
    /// <exception cref="InvalidOperationException">A referenced sub-workflow version is not published.</exception>
    public static WorkflowRunInput Create(
        PublishedWorkflow root, Func<string, int, PublishedWorkflow?> resolve, JsonElement? input = null, string? startedBy = null, string? correlationId = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(resolve);
        var closure = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<WorkflowDefinition>([root.Workflow.Definition]);
        while (pending.TryPop(out var definition))
        {
            foreach (var call in SubWorkflowCalls(definition.Steps))
            {
                var key = Key(call.Workflow, call.Version);
                if (closure.ContainsKey(key))
                    continue;
                var child = resolve(call.Workflow, call.Version)
                    ?? throw new InvalidOperationException($"Workflow '{call.Workflow}' version {call.Version} (called by step '{call.Id}' of {definition.Name}@{definition.Version}) is not published.");
                closure.Add(key, child.CanonicalJson);
                pending.Push(child.Workflow.Definition);
            }
        }

        return new WorkflowRunInput
        {
            Workflow = root.Pin.Name,
            Version = root.Pin.Version,
            ContentHash = root.Pin.ContentHash,
            Definition = root.CanonicalJson,
            Input = input,
            SubWorkflows = closure,
            StartedBy = startedBy,
            CorrelationId = correlationId,
        };
    }

    /// <summary>The closure key of a workflow version: <c>name@version</c>.</summary>
    /// <param name="workflow">Workflow name.</param>
    /// <param name="version">Version.</param>
    /// <returns>The key.</returns>
    public static string Key(string workflow, int version) => FormattableString.Invariant($"{workflow}@{version}");

    private static IEnumerable<SubWorkflowStep> SubWorkflowCalls(IEnumerable<WorkflowStep> steps)
    {
        foreach (var step in steps)
        {
            if (step is SubWorkflowStep call)
                yield return call;
            foreach (var nested in step.Children.SelectMany(c => SubWorkflowCalls(c.Steps)))
                yield return nested;
        }
    }
}
