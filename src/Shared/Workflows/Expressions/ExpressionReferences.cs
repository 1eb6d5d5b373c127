using Serverless.Secrets;

namespace Serverless.Workflows.Expressions;

/// <summary>Collects and checks the scope roots and step ids an expression reads.</summary>
internal sealed class ExpressionReferences
{
    private static readonly HashSet<string> InstanceFields = new(StringComparer.Ordinal) { "id", "workflow", "version" };

    public HashSet<string> Steps { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Scopes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Secrets { get; } = new(StringComparer.Ordinal);

    private IReadOnlySet<string> _roots = Expression.Roots;

    public static ExpressionReferences Collect(ExpressionNode root, IReadOnlySet<string> roots)
    {
        var references = new ExpressionReferences { _roots = roots };
        references.Visit(root);
        return references;
    }

    private void Visit(ExpressionNode node)
    {
        switch (node)
        {
            case PathNode path:
                CheckPath(path);
                foreach (var index in path.Segments.OfType<IndexSegment>())
                    Visit(index.Index);
                break;
            case UnaryNode unary:
                Visit(unary.Operand);
                break;
            case BinaryNode binary:
                Visit(binary.Left);
                Visit(binary.Right);
                break;
            case ArrayNode array:
                foreach (var item in array.Items)
                    Visit(item);
                break;
        }
    }

    private void CheckPath(PathNode path)
    {
        if (!_roots.Contains(path.Root))
            throw new ExpressionSyntaxException(
                $"Unknown name '{path.Root}'; paths start with one of: {string.Join(", ", _roots)}", path.Position);
        Scopes.Add(path.Root);
        var first = path.Segments.Count > 0 ? path.Segments[0] as MemberSegment : null;
        switch (path.Root)
        {
            case "steps":
                if (first is null || path.Segments.Count < 2 || path.Segments[1] is not MemberSegment { Name: "output" or "error" })
                    throw new ExpressionSyntaxException("Step references have the form steps.<id>.output or steps.<id>.error", path.Position);
                Steps.Add(first.Name);
                break;
            case SecretReference.Root:
                if (path.Segments.Count != 1 || first is null || !SecretName.IsValid(first.Name))
                    throw new ExpressionSyntaxException(
                        $"Secret references have the form secrets.NAME, NAME a letter or '_' then letters, digits or '_' (at most {SecretName.MaxLength})", path.Position);
                Secrets.Add(first.Name);
                break;
            case "vars" when first is null:
                throw new ExpressionSyntaxException("Variable references have the form vars.<name>", path.Position);
            case "instance" when path.Segments.Count != 1 || first is null || !InstanceFields.Contains(first.Name):
                throw new ExpressionSyntaxException("Instance references are instance.id, instance.workflow or instance.version", path.Position);
            case "now" or "index" when path.Segments.Count > 0:
                throw new ExpressionSyntaxException($"'{path.Root}' has no members", path.Position);
        }
    }
}
