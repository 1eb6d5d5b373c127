using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Serverless.Secrets;

namespace Serverless.Workflows.Expressions;

/// <summary>
/// A parsed, checked expression. Parse once (at validation time), evaluate many times. Evaluation
/// never runs code or reflects: it only reads the <see cref="EvaluationScope"/>.
/// </summary>
public sealed class Expression
{
    /// <summary>The scope roots an expression may start with.</summary>
    public static readonly IReadOnlySet<string> Roots =
        new HashSet<string>(StringComparer.Ordinal) { "input", "steps", "vars", "item", "index", "instance", "now", SecretReference.Root };

    private readonly ExpressionNode _root;

    private Expression(string text, ExpressionNode root, ExpressionReferences references)
    {
        Text = text;
        _root = root;
        StepReferences = references.Steps;
        ScopesUsed = references.Scopes;
        SecretReferences = references.Secrets;
        SecretName = root is PathNode { Root: SecretReference.Root, Segments: [MemberSegment name] } ? name.Name : null;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Ids of the steps this expression reads through <c>steps.&lt;id&gt;</c>.</summary>
    public IReadOnlySet<string> StepReferences { get; }

    /// <summary>The scope roots this expression reads (e.g. <c>input</c>, <c>item</c>).</summary>
    public IReadOnlySet<string> ScopesUsed { get; }

    /// <summary>Names of the secrets this expression reads through <c>secrets.NAME</c>.</summary>
    public IReadOnlySet<string> SecretReferences { get; }

    /// <summary>
    /// The secret's name when the whole expression is one reference, <c>secrets.NAME</c>; null otherwise. Only such an
    /// expression, as a template hole of its own, is a valid use: it evaluates to the reference text, which the activity
    /// side resolves.
    /// </summary>
    public string? SecretName { get; }

    /// <summary>Parses and checks an expression.</summary>
    /// <param name="text">The expression text.</param>
    /// <returns>The compiled expression.</returns>
    /// <exception cref="ExpressionSyntaxException">The text is malformed or uses an unknown scope.</exception>
    public static Expression Parse(string text) => Parse(text, Roots);

    /// <summary>
    /// Parses and checks an expression that reads other roots than a workflow's, e.g. a trigger rule over
    /// <c>body</c> and <c>headers</c>; their values come from <see cref="EvaluationScope.Values"/>.
    /// </summary>
    /// <param name="text">The expression text.</param>
    /// <param name="roots">The scope roots the expression may start with.</param>
    /// <returns>The compiled expression.</returns>
    /// <exception cref="ExpressionSyntaxException">The text is malformed or uses a root outside <paramref name="roots"/>.</exception>
    public static Expression Parse(string text, IReadOnlySet<string> roots)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(roots);
        var root = ExpressionParser.Parse(text);
        return new Expression(text, root, ExpressionReferences.Collect(root, roots));
    }

    /// <summary>Parses an expression without throwing.</summary>
    /// <param name="text">The expression text.</param>
    /// <param name="expression">The compiled expression when parsing succeeds.</param>
    /// <param name="error">The syntax error when parsing fails.</param>
    /// <returns>True when the text is a valid expression.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out Expression? expression, [NotNullWhen(false)] out ExpressionSyntaxException? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (ExpressionSyntaxException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    /// <summary>Evaluates the expression to a JSON value (null for JSON null). The result is owned by the caller.</summary>
    /// <param name="scope">What the expression can read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ExpressionEvaluationException">Types do not fit an operator, or the budget ran out.</exception>
    public JsonNode? Evaluate(EvaluationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var value = new ExpressionEvaluator(scope).Evaluate(_root);
        return value?.Parent is null ? value : value.DeepClone();
    }

    /// <summary>Evaluates the expression as a condition using the truthiness rules of <see cref="JsonValues.IsTruthy"/>.</summary>
    /// <param name="scope">What the expression can read.</param>
    /// <returns>Whether the condition holds.</returns>
    /// <exception cref="ExpressionEvaluationException">Types do not fit an operator, or the budget ran out.</exception>
    public bool IsTrue(EvaluationScope scope) => JsonValues.IsTruthy(Evaluate(scope));

    /// <inheritdoc />
    public override string ToString() => Text;
}
