using System.Text;
using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;

namespace Serverless.Workflows.Templates;

/// <summary>
/// A string with <c>{{ expression }}</c> holes. When the whole string is one hole, the result keeps the
/// JSON type of the value (<c>"{{input.count}}"</c> yields a number); otherwise each value is stringified
/// into the text (<see cref="JsonValues.Stringify"/>). A literal <c>{{</c> is written <c>{{ '{{' }}</c>.
/// </summary>
public sealed class StringTemplate
{
    private readonly IReadOnlyList<object> _parts;

    private StringTemplate(string text, IReadOnlyList<object> parts)
    {
        Text = text;
        _parts = parts;
        Expressions = parts.OfType<Expression>().ToList();
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>The expressions inside the holes, in order.</summary>
    public IReadOnlyList<Expression> Expressions { get; }

    /// <summary>True when the text is a single hole whose value keeps its JSON type.</summary>
    public bool IsWholeValue => _parts is [Expression];

    /// <summary>True when the text contains at least one hole.</summary>
    /// <param name="text">Any string.</param>
    /// <returns>Whether it needs template evaluation.</returns>
    public static bool HasHoles(string text) => text.Contains("{{", StringComparison.Ordinal);

    /// <summary>Parses a template.</summary>
    /// <param name="text">The template text.</param>
    /// <returns>The compiled template.</returns>
    /// <exception cref="ExpressionSyntaxException">A hole is unclosed or its expression is malformed; the position is in <paramref name="text"/>.</exception>
    public static StringTemplate Parse(string text) => Parse(text, Expression.Roots);

    /// <summary>Parses a template whose holes read <paramref name="roots"/> (see <see cref="Expression.Parse(string, IReadOnlySet{string})"/>).</summary>
    /// <param name="text">The template text.</param>
    /// <param name="roots">The scope roots the holes may read.</param>
    /// <returns>The compiled template.</returns>
    /// <exception cref="ExpressionSyntaxException">A hole is unclosed or its expression is malformed; the position is in <paramref name="text"/>.</exception>
    public static StringTemplate Parse(string text, IReadOnlySet<string> roots)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(text[i..]);
                break;
            }
            if (open > i)
                parts.Add(text[i..open]);
            var close = FindClose(text, open + 2);
            var inner = text[(open + 2)..close];
            try
            {
                parts.Add(Expression.Parse(inner, roots));
            }
            catch (ExpressionSyntaxException e)
            {
                throw new ExpressionSyntaxException($"In template hole '{{{{{inner}}}}}': {e.Message}", open + 2 + e.Position);
            }
            i = close + 2;
        }
        return new StringTemplate(text, parts);
    }

    /// <summary>Evaluates the template.</summary>
    /// <param name="scope">What the expressions can read.</param>
    /// <returns>The typed value for a whole-value template, else a JSON string. Owned by the caller.</returns>
    /// <exception cref="ExpressionEvaluationException">An expression failed.</exception>
    public JsonNode? Evaluate(EvaluationScope scope)
    {
        if (_parts is [Expression whole])
            return whole.Evaluate(scope);
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part is Expression e ? JsonValues.Stringify(e.Evaluate(scope)) : (string)part);
            if (text.Length > ExpressionLimits.MaxStringLength)
                throw new ExpressionEvaluationException($"Template result is longer than {ExpressionLimits.MaxStringLength} characters.");
        }
        return JsonValue.Create(text.ToString());
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static int FindClose(string text, int from)
    {
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                    i++;
                else if (c == q)
                    quote = null;
            }
            else if (c is '\'' or '"')
                quote = c;
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
                return i;
        }
        throw new ExpressionSyntaxException("Template hole '{{' is never closed with '}}'", from - 2);
    }
}
