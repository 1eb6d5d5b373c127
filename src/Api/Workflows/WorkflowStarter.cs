using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Api.Http;
using Serverless.Audit;
using Serverless.Definitions;
using Serverless.Orchestrations.Workflows;
using Serverless.Telemetry;
using Serverless.Workflows.Validation;
using Serverless.Workflows.Versioning;

namespace Serverless.Api.Workflows;

/// <summary>
/// Starts workflow instances from the definition store: resolves the version (active or pinned), checks the input
/// against the definition's input schema, pins the sub-workflow closure and schedules the interpreter. Shared by
/// the HTTP start route and the schedule tick.
/// </summary>
/// <param name="definitions">The definition store.</param>
public sealed class WorkflowStarter(DefinitionStore definitions)
{
    /// <summary>
    /// The largest input (characters of JSON) an instance may start with: its <c>WorkflowStarted</c> audit entry
    /// carries the input whole, with room to spare for who started it and the definition's hash. Checked at start,
    /// so a large input is refused with 413 instead of failing the run where it is first stored.
    /// </summary>
    public const int MaxInputChars = AuditEntry.MaxDetailsChars - (16 * 1024);

    private const int MaxResolveRounds = 64;

    /// <summary>Builds the run input of a workflow (nothing is stored).</summary>
    /// <param name="workflow">The workflow name.</param>
    /// <param name="version">A version, or null for the active one.</param>
    /// <param name="input">The input.</param>
    /// <param name="startedBy">Who starts it.</param>
    /// <param name="correlationId">Correlation id for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The run input.</returns>
    /// <exception cref="ApiProblemException">404 when not published; 413 when the input is longer than <see cref="MaxInputChars"/>; 400 when it does not fit the schema.</exception>
    public async Task<WorkflowRunInput> PrepareAsync(
        string workflow, int? version, JsonElement? input, string? startedBy, string? correlationId, CancellationToken cancellationToken)
    {
        var stored = (version is { } v ? await definitions.GetAsync(workflow, v, cancellationToken) : await definitions.GetActiveAsync(workflow, cancellationToken))
            ?? throw ApiProblemException.NotFound(version is null
                ? $"Workflow '{workflow}' is not published."
                : $"Workflow '{workflow}' has no published version {version}.");
        var root = ToPublished(stored);
        if (input is { } raw && raw.GetRawText().Length is var length && length > MaxInputChars)
        {
            throw new ApiProblemException(413, "Input too large",
                $"The input is {length} characters of JSON; an instance may start with at most {MaxInputChars}, the most its audit trail stores whole.");
        }

        var problems = root.Workflow.Definition.Input.Check(input is { } i ? JsonNode.Parse(i.GetRawText()) : null);
        if (problems.Count > 0)
        {
            throw new ApiProblemException(400, "Input does not fit the workflow's input schema", string.Join(" ", problems),
                new Dictionary<string, object?> { ["errors"] = problems });
        }

        var loaded = new Dictionary<string, PublishedWorkflow?>(StringComparer.Ordinal);
        for (var round = 0; round < MaxResolveRounds; round++)
        {
            var missing = new List<(string Name, int Version)>();
            try
            {
                return WorkflowRunInputFactory.Create(root, (name, ver) =>
                {
                    if (loaded.TryGetValue(WorkflowRunInputFactory.Key(name, ver), out var found))
                    {
                        return found;
                    }

                    missing.Add((name, ver));
                    return null;
                }, input, startedBy, correlationId);
            }
            catch (InvalidOperationException) when (missing.Count > 0)
            {
                foreach (var (name, ver) in missing)
                {
                    loaded[WorkflowRunInputFactory.Key(name, ver)] = await definitions.GetAsync(name, ver, cancellationToken) is { } child ? ToPublished(child) : null;
                }
            }
            catch (InvalidOperationException e)
            {
                throw new ApiProblemException(409, "Sub-workflow missing", e.Message);
            }
        }

        throw new ApiProblemException(409, "Sub-workflows nest too deep", $"Workflow '{workflow}' reaches more than {MaxResolveRounds} levels of sub-workflows.");
    }

    /// <summary>Prepares and schedules an instance; an id in use, even by a finished instance, is refused by the engine.</summary>
    /// <param name="client">The Durable client.</param>
    /// <param name="workflow">The workflow name.</param>
    /// <param name="version">A version, or null for the active one.</param>
    /// <param name="instanceId">The instance id, or null for a new one.</param>
    /// <param name="input">The input.</param>
    /// <param name="startedBy">Who starts it.</param>
    /// <param name="correlationId">Correlation id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The instance id.</returns>
    /// <exception cref="Serverless.Durable.OrchestrationAlreadyExistsException">The id is in use (on the embedded runtime).</exception>
    public async Task<string> StartAsync(
        DurableTaskClient client, string workflow, int? version, string? instanceId, JsonElement? input, string? startedBy, string? correlationId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var runInput = await PrepareAsync(workflow, version, input, startedBy, correlationId, cancellationToken);
        // The tags name the workflow on the instance (and on its trace), where the orchestrator name is always RunWorkflow.
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TelemetryAttributes.Workflow] = runInput.Workflow,
            [TelemetryAttributes.Version] = runInput.Version.ToString(CultureInfo.InvariantCulture),
        };
        return await client.ScheduleNewOrchestrationInstanceAsync(
            WorkflowRunInput.OrchestratorName, runInput, NewInstanceOptions.NeverReplace(instanceId) with { Tags = tags }, cancellationToken);
    }

    /// <summary>A stored version as the interpreter's published form.</summary>
    /// <param name="stored">The stored version.</param>
    /// <returns>The published workflow.</returns>
    public static PublishedWorkflow ToPublished(StoredDefinition stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        // Compiled once per content hash, shared with the interpreter (versions never change once stored).
        var compiled = CompiledWorkflowCache.Get(stored.ContentHash, stored.CanonicalJson);
        return new PublishedWorkflow(new WorkflowVersion(stored.Name, stored.Version, stored.ContentHash), stored.PublishedAt, stored.CanonicalJson, compiled);
    }
}
