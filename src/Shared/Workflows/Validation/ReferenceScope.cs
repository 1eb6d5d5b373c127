using System.Collections.Immutable;

namespace Serverless.Workflows.Validation;

/// <summary>What an expression may read at one point of the walk: steps that have surely run, and item/index.</summary>
/// <param name="Visible">Ids of steps that have completed before this point.</param>
/// <param name="HasItem">Whether <c>item</c> is set (foreach body, transaction commit/abort).</param>
/// <param name="HasIndex">Whether <c>index</c> is set (foreach body, loop).</param>
internal sealed record ReferenceScope(ImmutableHashSet<string> Visible, bool HasItem, bool HasIndex)
{
    public static ReferenceScope Root { get; } = new(ImmutableHashSet.Create<string>(StringComparer.Ordinal), false, false);

    public ReferenceScope WithVisible(IEnumerable<string> ids) => this with { Visible = Visible.Union(ids) };

    public ReferenceScope WithVisible(string id) => this with { Visible = Visible.Add(id) };
}
