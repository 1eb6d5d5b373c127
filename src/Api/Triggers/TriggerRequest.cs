using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Api.Http;
using Serverless.Definitions;
using Serverless.Secrets;
using Serverless.Triggers;
using Serverless.Workflows.Templates;

namespace Serverless.Api.Triggers;

/// <summary>
/// Reads and checks the body of <c>PUT triggers/{name}</c>: the document's own rules (<see cref="TriggerDocument"/>),
/// then what only the host can tell (the secret is configured, every workflow and pinned version is published).
/// Every problem is reported at once, each with its JSON path, as a 400 with <c>errors</c>.
/// </summary>
/// <param name="definitions">The definition store.</param>
/// <param name="secrets">Where secrets come from.</param>
public sealed class TriggerRequest(DefinitionStore definitions, ISecretSource secrets)
{
    /// <summary>The checked document to store and whether the trigger starts paused.</summary>
    /// <param name="Definition">The trigger.</param>
    /// <param name="DocumentJson">The document as written, without <c>paused</c>.</param>
    /// <param name="Paused">Whether it starts paused.</param>
    public sealed record Checked(TriggerDefinition Definition, string DocumentJson, bool Paused);

    /// <summary>Reads and checks a PUT body.</summary>
    /// <param name="name">The trigger's name from the route.</param>
    /// <param name="body">The body (a JSON object).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The checked trigger.</returns>
    /// <exception cref="ApiProblemException">400 with every problem located.</exception>
    public async Task<Checked> ReadAsync(string name, JsonElement body, CancellationToken cancellationToken)
    {
        var document = JsonNode.Parse(body.GetRawText())!.AsObject();
        var paused = false;
        if (document.TryGetPropertyValue("paused", out var pausedNode))
        {
            paused = pausedNode?.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False or JsonValueKind.Null => false,
                _ => throw Invalid([new("$.paused", "Must be true or false.")]),
            };
            document.Remove("paused");
        }

        string json;
        try
        {
            json = document.ToJsonString();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // System.Text.Json reads an escaped unpaired surrogate but refuses to write one.
            throw Invalid([new("$", "The document holds a string that is not valid Unicode (an unpaired surrogate).")]);
        }
        TriggerDefinition trigger;
        try
        {
            trigger = TriggerDocument.Parse(name, json);
        }
        catch (TriggerDefinitionException e)
        {
            throw Invalid(e.Problems);
        }

        var problems = new List<TriggerProblem>();
        if (!secrets.Exists(trigger.Auth.Secret))
        {
            problems.Add(new("$.auth.secret",
                $"No secret named '{trigger.Auth.Secret}' is configured: set the app setting Secrets__{trigger.Auth.Secret} (locally an environment variable) and try again."));
        }

        for (var i = 0; i < trigger.Rules.Count; i++)
        {
            var rule = trigger.Rules[i];
            var at = JsonPath.Property(JsonPath.Item("$.rules", i), "start");
            if (rule.Version is { } version)
            {
                if (await definitions.GetAsync(rule.Workflow, version, cancellationToken) is null)
                {
                    problems.Add(new(JsonPath.Property(at, "version"), $"Workflow '{rule.Workflow}' has no published version {version}."));
                }
            }
            else if (await definitions.GetActiveAsync(rule.Workflow, cancellationToken) is null)
            {
                problems.Add(new(JsonPath.Property(at, "workflow"), $"Workflow '{rule.Workflow}' is not published; publish it (POST /api/definitions) first."));
            }
        }

        return problems.Count > 0 ? throw Invalid(problems) : new Checked(trigger, json, paused);
    }

    private static ApiProblemException Invalid(IReadOnlyList<TriggerProblem> problems) =>
        new(400, "Invalid trigger", $"The trigger has {problems.Count} problem(s): {string.Join(" ", problems.Select(p => $"{p.Path}: {p.Message}"))}",
            new Dictionary<string, object?> { ["errors"] = problems.Select(p => new { path = p.Path, message = p.Message }).ToList() });
}
