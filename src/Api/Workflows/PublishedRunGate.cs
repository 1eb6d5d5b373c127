using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Api.Http;
using Serverless.Definitions;
using Serverless.Durable;
using Serverless.Orchestrations.Workflows;
using Serverless.Workflows.Versioning;

namespace Serverless.Api.Workflows;

/// <summary>
/// Guards starts of the workflow interpreter (<c>RunWorkflow</c>) through the generic start routes, whose body is
/// a whole <see cref="WorkflowRunInput"/>. Only published, validated definitions run: the pinned version must be
/// published with exactly the given content hash, the definition text and every sub-workflow of the closure
/// must hash to their published hashes, and the instance then starts from the store's copy (never the text that
/// came in), with the caller, not the body, as <c>startedBy</c>. A <c>continuation</c> is the interpreter's own
/// state and is refused. Publishing needs the author role; this gate is what stops an operator from running a
/// definition nobody published.
/// </summary>
/// <param name="definitions">The definition store.</param>
/// <param name="starter">Builds run inputs from the store.</param>
public sealed class PublishedRunGate(DefinitionStore definitions, WorkflowStarter starter)
{
    /// <summary>True when <paramref name="orchestrator"/> is the interpreter.</summary>
    /// <param name="orchestrator">An orchestrator name.</param>
    /// <returns>True for <c>RunWorkflow</c> (any case).</returns>
    public static bool Guards(string orchestrator) =>
        string.Equals(orchestrator, WorkflowRunInput.OrchestratorName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks a run input against the store and rebuilds it from the published versions.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="startedBy">The caller.</param>
    /// <param name="correlationId">The request's correlation id.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The run input to start.</returns>
    /// <exception cref="ApiProblemException">400 not a run input or not the published content; 404 not published.</exception>
    public async Task<WorkflowRunInput> CheckAsync(JsonElement? body, string startedBy, string? correlationId, CancellationToken cancellationToken)
    {
        var run = Read(body);
        var stored = await definitions.GetAsync(run.Workflow, run.Version, cancellationToken)
            ?? throw ApiProblemException.NotFound($"Workflow '{run.Workflow}' has no published version {run.Version}; publish it (POST /api/definitions, author role) before running it.");
        if (!string.Equals(stored.ContentHash, run.ContentHash, StringComparison.Ordinal))
        {
            throw NotPublished($"contentHash '{run.ContentHash}' is not the published hash of {run.Workflow}@{run.Version} ({stored.ContentHash}).");
        }

        RequireHash(run.Definition, stored.ContentHash, $"definition is not the published text of {run.Workflow}@{run.Version}");
        foreach (var (key, text) in run.SubWorkflows)
        {
            var at = key.LastIndexOf('@');
            var child = at > 0 && int.TryParse(key[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? await definitions.GetAsync(key[..at], version, cancellationToken)
                : null;
            if (child is null)
            {
                throw NotPublished($"subWorkflows['{key}'] is not a published workflow version.");
            }

            RequireHash(text, child.ContentHash, $"subWorkflows['{key}'] is not the published text of {key}");
        }

        return await starter.PrepareAsync(run.Workflow, run.Version, run.Input, startedBy, correlationId, cancellationToken);
    }

    private static WorkflowRunInput Read(JsonElement? body)
    {
        const string Shape = "RunWorkflow runs a published definition: the body is {\"workflow\", \"version\", \"contentHash\", \"definition\", \"input\"?, \"subWorkflows\"?} "
            + "as GET /api/definitions/{name}?version= shows it; POST /api/workflows/{name}/instances is simpler.";
        if (body is not { ValueKind: JsonValueKind.Object } element)
        {
            throw ApiProblemException.BadRequest(Shape);
        }

        WorkflowRunInput? run;
        try
        {
            run = element.Deserialize<WorkflowRunInput>(PayloadJson.Options);
        }
        catch (JsonException e)
        {
            throw ApiProblemException.BadRequest($"{Shape} {e.Message}");
        }

        if (run is null || string.IsNullOrEmpty(run.Workflow) || string.IsNullOrEmpty(run.ContentHash) || string.IsNullOrEmpty(run.Definition) || run.SubWorkflows is null)
        {
            throw ApiProblemException.BadRequest(Shape);
        }

        if (run.Continuation is not null)
        {
            throw ApiProblemException.BadRequest("Field 'continuation' is the interpreter's own state when it continues as new; a start cannot set it.");
        }

        return run;
    }

    private static void RequireHash(string text, string expected, string problem)
    {
        string actual;
        try
        {
            actual = CanonicalJson.Hash(JsonNode.Parse(text));
        }
        catch (JsonException)
        {
            throw NotPublished($"{problem} (it is not JSON).");
        }

        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw NotPublished($"{problem}.");
        }
    }

    private static ApiProblemException NotPublished(string detail) =>
        new(400, "Not a published definition", $"Only published definitions run, pinned by their content hash: {detail}");
}
