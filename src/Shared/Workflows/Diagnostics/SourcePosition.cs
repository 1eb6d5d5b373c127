namespace Serverless.Workflows.Diagnostics;

/// <summary>A one-based line and column in the source text of a definition.</summary>
/// <param name="Line">One-based line number.</param>
/// <param name="Column">One-based column number.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
