using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Durable;
using Serverless.Secrets;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Templates;

namespace Serverless.Triggers;

/// <summary>
/// Reads a trigger document (the body of <c>PUT /api/triggers/{name}</c>, and what the store keeps) into a
/// <see cref="TriggerDefinition"/>, reporting every problem at once with its JSON path. Conditions and templates
/// are the workflow language's, over the roots <c>body</c> and <c>headers</c>.
/// </summary>
public static class TriggerDocument
{
    /// <summary>The most characters of JSON a document may have.</summary>
    public const int MaxChars = 30_000;

    /// <summary>The most rules a trigger may have.</summary>
    public const int MaxRules = 20;

    /// <summary>What conditions and templates of a trigger can read: the delivery's JSON body and its headers (lower-case names).</summary>
    public static readonly IReadOnlySet<string> Roots = new HashSet<string>(StringComparer.Ordinal) { "body", "headers" };

    private static readonly HashSet<string> TopFields = ["description", "auth", "rules"];
    private static readonly HashSet<string> AuthFields = ["mode", "secret", "header", "toleranceSeconds"];
    private static readonly HashSet<string> RuleFields = ["id", "when", "start"];
    private static readonly HashSet<string> StartFields = ["workflow", "version", "input", "instanceId"];

    /// <summary>Whether a text is a valid trigger name (also used for rule ids): 1–64 letters, digits, <c>-</c> or <c>_</c>, starting with a letter or digit.</summary>
    /// <param name="name">The text.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidName(string? name) =>
        name is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Reads and checks a document.</summary>
    /// <param name="name">The trigger's name.</param>
    /// <param name="json">The document's JSON text.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="TriggerDefinitionException">Anything is wrong; every problem is listed.</exception>
    public static TriggerDefinition Parse(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<TriggerProblem>();
        if (!IsValidName(name))
        {
            problems.Add(new("$", $"Trigger name '{name}' must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit."));
        }

        if (json.Length > MaxChars)
        {
            problems.Add(new("$", $"The document is {json.Length:N0} characters of JSON; the limit is {MaxChars:N0}."));
            throw new TriggerDefinitionException(problems);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            problems.Add(new("$", $"The document is not valid JSON: {e.Message}"));
            throw new TriggerDefinitionException(problems);
        }

        if (root is not JsonObject document)
        {
            problems.Add(new("$", "The document must be a JSON object with 'auth' and 'rules'."));
            throw new TriggerDefinitionException(problems);
        }

        UnknownFields(document, "$", TopFields, problems);
        var description = OptionalString(document, "description", "$", 1024, problems);
        var auth = ReadAuth(document["auth"], "$.auth", problems);
        var rules = ReadRules(document["rules"], "$.rules", problems);
        if (problems.Count > 0 || auth is null)
        {
            throw new TriggerDefinitionException(problems);
        }

        return new TriggerDefinition { Name = name, Description = description, Auth = auth, Rules = rules };
    }

    private static TriggerAuth? ReadAuth(JsonNode? node, string path, List<TriggerProblem> problems)
    {
        if (node is not JsonObject auth)
        {
            problems.Add(new(path, "Required: an object with 'mode' ('key', 'signature' or 'timestampedSignature') and 'secret' (the name of a secret)."));
            return null;
        }

        UnknownFields(auth, path, AuthFields, problems);
        var reported = problems.Count;
        var modeText = OptionalString(auth, "mode", path, 64, problems);
        TriggerAuthMode? mode = modeText switch
        {
            "key" => TriggerAuthMode.Key,
            "signature" => TriggerAuthMode.Signature,
            "timestampedSignature" => TriggerAuthMode.TimestampedSignature,
            _ => null,
        };
        if (mode is null && problems.Count == reported)
        {
            problems.Add(new(JsonPath.Property(path, "mode"), $"Must be 'key', 'signature' or 'timestampedSignature'{(modeText is null ? "" : $", not '{modeText}'")}."));
        }

        reported = problems.Count;
        var secret = OptionalString(auth, "secret", path, SecretName.MaxLength + 1, problems);
        if (!SecretName.IsValid(secret) && problems.Count == reported)
        {
            problems.Add(new(JsonPath.Property(path, "secret"),
                "Required: the name of a secret (app setting Secrets__NAME): a letter or '_', then letters, digits or '_', at most 128. The value itself never goes in a trigger."));
        }

        var header = OptionalString(auth, "header", path, 64, problems);
        if (header is not null && !IsHeaderName(header))
        {
            problems.Add(new(JsonPath.Property(path, "header"), $"'{header}' is not an HTTP header name (letters, digits, '-' and '_')."));
        }

        var tolerance = TriggerAuth.DefaultToleranceSeconds;
        if (auth["toleranceSeconds"] is { } toleranceNode)
        {
            if (mode != TriggerAuthMode.TimestampedSignature)
            {
                problems.Add(new(JsonPath.Property(path, "toleranceSeconds"), "Only mode 'timestampedSignature' has a tolerance."));
            }
            else if (!JsonValues.TryGetNumber(toleranceNode, out var seconds) || seconds != decimal.Truncate(seconds) || seconds < 1 || seconds > TriggerAuth.MaxToleranceSeconds)
            {
                problems.Add(new(JsonPath.Property(path, "toleranceSeconds"), $"Must be a whole number of seconds from 1 to {TriggerAuth.MaxToleranceSeconds}."));
            }
            else
            {
                tolerance = (int)seconds;
            }
        }

        return mode is { } m && secret is { } named && SecretName.IsValid(named)
            ? new TriggerAuth { Mode = m, Secret = named, Header = header ?? TriggerAuth.DefaultHeader(m), ToleranceSeconds = tolerance }
            : null;
    }

    private static List<TriggerRule> ReadRules(JsonNode? node, string path, List<TriggerProblem> problems)
    {
        var rules = new List<TriggerRule>();
        if (node is not JsonArray array || array.Count == 0)
        {
            problems.Add(new(path, "Required: an array of at least one rule, each {\"id\", \"when\"?, \"start\": {\"workflow\", ...}}."));
            return rules;
        }

        if (array.Count > MaxRules)
        {
            problems.Add(new(path, $"A trigger has at most {MaxRules} rules; this one has {array.Count}."));
            return rules;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var at = JsonPath.Item(path, i);
            if (ReadRule(array[i], at, problems) is { } rule)
            {
                rules.Add(rule);
            }

            if (array[i] is JsonObject { } item && JsonValues.TryGetString(item["id"], out var id) && IsValidName(id) && !ids.Add(id))
            {
                problems.Add(new(JsonPath.Property(at, "id"), $"Rule id '{id}' is used by an earlier rule."));
            }
        }

        return rules;
    }

    private static TriggerRule? ReadRule(JsonNode? node, string path, List<TriggerProblem> problems)
    {
        if (node is not JsonObject rule)
        {
            problems.Add(new(path, "A rule is an object {\"id\", \"when\"?, \"start\"}."));
            return null;
        }

        var before = problems.Count;
        UnknownFields(rule, path, RuleFields, problems);
        var reported = problems.Count;
        var id = OptionalString(rule, "id", path, 65, problems);
        if (!IsValidName(id) && problems.Count == reported)
        {
            problems.Add(new(JsonPath.Property(path, "id"), "Required: 1 to 64 letters, digits, '-' or '_', starting with a letter or digit."));
        }

        Expression? when = null;
        if (OptionalString(rule, "when", path, ExpressionLimits.MaxLength, problems) is { } condition)
        {
            try
            {
                when = Expression.Parse(condition, Roots);
            }
            catch (ExpressionSyntaxException e)
            {
                problems.Add(new(JsonPath.Property(path, "when"), e.Message));
            }
        }

        var startPath = JsonPath.Property(path, "start");
        if (rule["start"] is not JsonObject start)
        {
            problems.Add(new(startPath, "Required: an object {\"workflow\", \"version\"?, \"input\"?, \"instanceId\"?}."));
            return null;
        }

        UnknownFields(start, startPath, StartFields, problems);
        reported = problems.Count;
        var workflow = OptionalString(start, "workflow", startPath, 256, problems);
        if ((workflow is null || !WorkflowParser.IsName(workflow)) && problems.Count == reported)
        {
            problems.Add(new(JsonPath.Property(startPath, "workflow"), workflow is null ? "Required: the name of a published workflow." : $"'{workflow}' is not a workflow name."));
        }

        int? version = null;
        if (start["version"] is { } versionNode)
        {
            if (JsonValues.TryGetNumber(versionNode, out var number) && number == decimal.Truncate(number) && number is >= 1 and <= int.MaxValue)
            {
                version = (int)number;
            }
            else
            {
                problems.Add(new(JsonPath.Property(startPath, "version"), "Must be a whole number from 1 (or left out for the active version)."));
            }
        }

        JsonTemplate? input = null;
        if (start.ContainsKey("input"))
        {
            input = JsonTemplate.Compile(start["input"], JsonPath.Property(startPath, "input"), (at, e) => problems.Add(new(at, e.Message)), Roots);
        }

        var instanceId = ReadInstanceId(start, startPath, problems);
        return problems.Count > before || id is null || workflow is null
            ? null
            : new TriggerRule { Id = id, When = when, Workflow = workflow, Version = version, Input = input, InstanceId = instanceId };
    }

    private static StringTemplate? ReadInstanceId(JsonObject start, string startPath, List<TriggerProblem> problems)
    {
        var path = JsonPath.Property(startPath, "instanceId");
        if (OptionalString(start, "instanceId", startPath, InstanceIds.MaxLength * 4, problems) is not { } text)
        {
            return null;
        }

        if (!StringTemplate.HasHoles(text))
        {
            if (InstanceIds.Problem(text) is { } problem)
            {
                problems.Add(new(path, problem));
            }

            return StringTemplate.Parse(text, Roots);
        }

        try
        {
            return StringTemplate.Parse(text, Roots);
        }
        catch (ExpressionSyntaxException e)
        {
            problems.Add(new(path, e.Message));
            return null;
        }
    }

    private static string? OptionalString(JsonObject node, string name, string path, int maxLength, List<TriggerProblem> problems)
    {
        if (node[name] is not { } value)
        {
            return null;
        }

        if (JsonValues.TryGetString(value, out var text) && text.Length is > 0 && text.Length <= maxLength)
        {
            return text;
        }

        problems.Add(new(JsonPath.Property(path, name), $"Must be a non-empty string of at most {maxLength} characters."));
        return null;
    }

    private static void UnknownFields(JsonObject node, string path, HashSet<string> allowed, List<TriggerProblem> problems)
    {
        foreach (var (key, _) in node)
        {
            if (!allowed.Contains(key))
            {
                problems.Add(new(JsonPath.Property(path, key), $"Unknown field; allowed here: {string.Join(", ", allowed)}."));
            }
        }
    }

    private static bool IsHeaderName(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
