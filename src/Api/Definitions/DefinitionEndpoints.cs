using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Durable;
using Serverless.Api.Http;
using Serverless.Definitions;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Versioning;

namespace Serverless.Api.Definitions;

/// <summary>Publish, read, list and roll back workflow definitions.</summary>
/// <param name="definitions">The definition store.</param>
/// <param name="options">Limits and validation options.</param>
public sealed class DefinitionEndpoints(DefinitionStore definitions, ApiOptions options)
{
    /// <summary>
    /// <c>POST definitions</c>: validates and publishes (JSON, or YAML with a YAML content type). 201 when created,
    /// 200 when identical content was already published, 400 with every diagnostic located by JSON path, 409 when the
    /// version exists with other content.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> PublishAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var text = await RequestBody.ReadTextAsync(request, options.MaxRequestBodyBytes, cancellationToken);
            var format = request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true ? SourceFormat.Yaml : SourceFormat.Json;
            try
            {
                var outcome = await definitions.PublishAsync(text, format, CallerIdentity.NameOr(request, "admin"), options.Validation, cancellationToken);
                var body = Describe(outcome.Definition, includeSource: false);
                return outcome.Created
                    ? Results.Created($"{request.PathBase}/api/definitions/{outcome.Definition.Name}?version={outcome.Definition.Version}", body)
                    : Results.Ok(body);
            }
            catch (WorkflowDefinitionException e)
            {
                return Problems.Create(400, "Invalid workflow definition", $"The definition has {e.Diagnostics.Count} problem(s); see errors.",
                    new Dictionary<string, object?> { ["errors"] = e.Diagnostics.Select(Error).ToList() });
            }
            catch (WorkflowVersionConflictException e)
            {
                return Problems.Create(409, "Version already published", e.Message);
            }
        });

    /// <summary><c>GET definitions</c>: every workflow with its active and latest versions.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            var pointers = await definitions.ListAsync(cancellationToken);
            return Results.Ok(pointers.Select(p => new { name = p.Name, activeVersion = p.ActiveVersion, latestVersion = p.LatestVersion, changedAt = p.ChangedAt, changedBy = p.ChangedBy }));
        });

    /// <summary><c>GET definitions/{name}?version=</c>: the active (or given) version with its source; 404 when absent.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The workflow.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> GetAsync(HttpRequest request, string name, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            var version = QueryValues.Int(request, "version", 1, int.MaxValue);
            var stored = version is { } v ? await definitions.GetAsync(name, v, cancellationToken) : await definitions.GetActiveAsync(name, cancellationToken);
            if (stored is null)
            {
                return Problems.Create(404, "Definition not found", version is null ? $"Workflow '{name}' is not published." : $"Workflow '{name}' has no version {version}.");
            }

            var pointer = await definitions.GetPointerAsync(name, cancellationToken);
            var body = Describe(stored, includeSource: true);
            body["active"] = pointer?.ActiveVersion == stored.Version;
            return Results.Json(body);
        });

    /// <summary><c>GET definitions/{name}/versions</c>: every version, ascending, marking the active one; 404 when never published.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The workflow.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ListVersionsAsync(HttpRequest request, string name, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            var pointer = await definitions.GetPointerAsync(name, cancellationToken);
            if (pointer is null)
            {
                return Problems.Create(404, "Definition not found", $"Workflow '{name}' is not published.");
            }

            var versions = await definitions.ListVersionsAsync(name, cancellationToken);
            var items = new JsonArray();
            foreach (var stored in versions)
            {
                var item = Describe(stored, includeSource: false);
                item["active"] = stored.Version == pointer.ActiveVersion;
                items.Add(item);
            }

            return Results.Json(new JsonObject { ["name"] = name, ["activeVersion"] = pointer.ActiveVersion, ["versions"] = items });
        });

    /// <summary><c>POST definitions/{name}/active</c> with <c>{"version": n}</c>: roll back (or forward); 404 unknown version.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The workflow.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ActivateAsync(HttpRequest request, string name, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            var body = await RequestBody.ReadObjectAsync(request, options.MaxRequestBodyBytes, cancellationToken);
            foreach (var property in body.EnumerateObject())
            {
                if (property.Name != "version")
                {
                    throw ApiProblemException.BadRequest($"Unknown field '{property.Name}'; the body is {{\"version\": n}}.");
                }
            }

            if (!body.TryGetProperty("version", out var versionElement) || versionElement.ValueKind != JsonValueKind.Number
                || !versionElement.TryGetInt32(out var version) || version < 1)
            {
                throw ApiProblemException.BadRequest("The body must be {\"version\": n} with n a published version number (1 or more).");
            }

            var pointer = await definitions.ActivateAsync(name, version, CallerIdentity.NameOr(request, "admin"), cancellationToken);
            return pointer is null
                ? Problems.Create(404, "Definition not found", $"Workflow '{name}' has no version {version}.")
                : Results.Ok(new { name = pointer.Name, activeVersion = pointer.ActiveVersion, latestVersion = pointer.LatestVersion, changedAt = pointer.ChangedAt, changedBy = pointer.ChangedBy });
        });

    private static JsonObject Describe(StoredDefinition stored, bool includeSource)
    {
        var body = new JsonObject
        {
            ["name"] = stored.Name,
            ["version"] = stored.Version,
            ["contentHash"] = stored.ContentHash,
            ["publishedAt"] = InstanceStatusJson.Time(stored.PublishedAt),
            ["publishedBy"] = stored.PublishedBy,
        };
        if (includeSource)
        {
            body["definition"] = JsonNode.Parse(stored.CanonicalJson);
        }

        return body;
    }

    private static object Error(WorkflowDiagnostic d) => new
    {
        code = d.Code,
        path = d.Path,
        message = d.Message,
        line = d.Position?.Line,
        column = d.Position?.Column,
    };
}
