using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Validation;

namespace Serverless.Definitions;

public sealed partial class DefinitionStore
{
    /// <summary>
    /// The canonical JSON of every sub-workflow reachable from <paramref name="definition"/>, keyed <c>name@version</c>:
    /// what a started instance carries so it never reads the store.
    /// </summary>
    /// <param name="definition">The root definition.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The closure (empty when the workflow calls no sub-workflow).</returns>
    /// <exception cref="InvalidOperationException">A referenced version is no longer in the store.</exception>
    public async Task<IReadOnlyDictionary<string, string>> ResolveClosureAsync(StoredDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var closure = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<StoredDefinition>([definition]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            foreach (var call in SubWorkflowCalls(current))
            {
                var key = $"{call.Workflow}@{call.Version}";
                if (closure.ContainsKey(key))
                {
                    continue;
                }

                var stored = await GetAsync(call.Workflow, call.Version, cancellationToken)
                    ?? throw new InvalidOperationException($"{current.Name}@{current.Version} calls {key}, which is not published.");
                closure.Add(key, stored.CanonicalJson);
                pending.Enqueue(stored);
            }
        }

        return closure;
    }

    private static IEnumerable<SubWorkflowStep> SubWorkflowCalls(StoredDefinition stored) =>
        WorkflowParser.Parse(stored.CanonicalJson).Definition is { } parsed
            ? StepGraph.Build(parsed).Steps.Values.Select(l => l.Step).OfType<SubWorkflowStep>()
            : [];
}
