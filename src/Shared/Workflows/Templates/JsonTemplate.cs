using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;

namespace Serverless.Workflows.Templates;

/// <summary>
/// A JSON value whose strings may contain template holes (activity input, output mapping, variables).
/// Compiled once; <see cref="Evaluate"/> builds a fresh JSON tree each time.
/// </summary>
public sealed class JsonTemplate
{
    private readonly JsonNode? _literal;
    private readonly StringTemplate? _template;
    private readonly IReadOnlyList<KeyValuePair<string, JsonTemplate>>? _properties;
    private readonly IReadOnlyList<JsonTemplate>? _items;

    private JsonTemplate(JsonNode? literal, StringTemplate? template,
        IReadOnlyList<KeyValuePair<string, JsonTemplate>>? properties, IReadOnlyList<JsonTemplate>? items,
        IReadOnlyList<TemplateExpression> expressions)
    {
        _literal = literal;
        _template = template;
        _properties = properties;
        _items = items;
        Expressions = expressions;
    }

    /// <summary>A template that always yields JSON null.</summary>
    public static JsonTemplate Null { get; } = new(null, null, null, null, []);

    /// <summary>Every expression in the template with the JSON path of the string that holds it.</summary>
    public IReadOnlyList<TemplateExpression> Expressions { get; }

    /// <summary>How many <c>{{secrets.NAME}}</c> holes the template has: each evaluates to one reference text.</summary>
    public int SecretReferenceCount => Expressions.Count(e => e.Expression.SecretName is not null);

    /// <summary>Compiles a JSON value, reporting each malformed string through <paramref name="onError"/>.</summary>
    /// <param name="value">The JSON value (null for JSON null).</param>
    /// <param name="path">JSON path of <paramref name="value"/>, used in reported errors and in <see cref="Expressions"/>.</param>
    /// <param name="onError">Called with the path and error of every malformed template string; that string is kept literal.</param>
    /// <returns>The compiled template.</returns>
    public static JsonTemplate Compile(JsonNode? value, string path, Action<string, ExpressionSyntaxException> onError) =>
        Compile(value, path, onError, Expression.Roots);

    /// <summary>Compiles a JSON value whose holes read <paramref name="roots"/>, reporting each malformed string through <paramref name="onError"/>.</summary>
    /// <param name="value">The JSON value (null for JSON null).</param>
    /// <param name="path">JSON path of <paramref name="value"/>.</param>
    /// <param name="onError">Called with the path and error of every malformed template string; that string is kept literal.</param>
    /// <param name="roots">The scope roots the holes may read (see <see cref="Expression.Parse(string, IReadOnlySet{string})"/>).</param>
    /// <returns>The compiled template.</returns>
    public static JsonTemplate Compile(JsonNode? value, string path, Action<string, ExpressionSyntaxException> onError, IReadOnlySet<string> roots)
    {
        ArgumentNullException.ThrowIfNull(onError);
        ArgumentNullException.ThrowIfNull(roots);
        switch (value)
        {
            case JsonObject obj:
                var properties = obj.Select(p => KeyValuePair.Create(p.Key, Compile(p.Value, JsonPath.Property(path, p.Key), onError, roots))).ToList();
                return new JsonTemplate(null, null, properties, null, properties.SelectMany(p => p.Value.Expressions).ToList());
            case JsonArray array:
                var items = array.Select((item, i) => Compile(item, JsonPath.Item(path, i), onError, roots)).ToList();
                return new JsonTemplate(null, null, null, items, items.SelectMany(i => i.Expressions).ToList());
        }
        if (JsonValues.TryGetString(value, out var text) && StringTemplate.HasHoles(text))
        {
            try
            {
                var template = StringTemplate.Parse(text, roots);
                return new JsonTemplate(null, template, null, null, template.Expressions.Select(e => new TemplateExpression(path, e)).ToList());
            }
            catch (ExpressionSyntaxException e)
            {
                onError(path, e);
            }
        }
        return new JsonTemplate(value?.DeepClone(), null, null, null, []);
    }

    /// <summary>Compiles a JSON value, throwing on the first malformed string.</summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The compiled template.</returns>
    /// <exception cref="ExpressionSyntaxException">A template string is malformed.</exception>
    public static JsonTemplate Parse(JsonNode? value) => Compile(value, "$", (_, e) => throw e);

    /// <summary>Evaluates the template into a new JSON tree owned by the caller.</summary>
    /// <param name="scope">What the expressions can read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ExpressionEvaluationException">An expression failed.</exception>
    public JsonNode? Evaluate(EvaluationScope scope)
    {
        if (_template is not null)
            return _template.Evaluate(scope);
        if (_properties is not null)
        {
            var obj = new JsonObject();
            foreach (var (key, template) in _properties)
                obj[key] = template.Evaluate(scope);
            return obj;
        }
        if (_items is not null)
            return new JsonArray(_items.Select(i => i.Evaluate(scope)).ToArray());
        return _literal?.DeepClone();
    }
}

/// <summary>An expression found inside a template, with the JSON path of the string that holds it.</summary>
/// <param name="Path">JSON path of the template string.</param>
/// <param name="Expression">The compiled expression.</param>
public sealed record TemplateExpression(string Path, Expression Expression);
