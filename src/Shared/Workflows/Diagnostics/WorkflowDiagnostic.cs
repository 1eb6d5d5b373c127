namespace Serverless.Workflows.Diagnostics;

/// <summary>One problem found in a workflow definition, located by JSON path and, when known, line and column.</summary>
/// <param name="Code">Stable code from <see cref="DiagnosticCodes"/>, e.g. <c>WF301</c>.</param>
/// <param name="Message">A clear, human-readable explanation.</param>
/// <param name="Path">JSON path of the offending element, e.g. <c>$.steps[2].retry.maxAttempts</c>.</param>
/// <param name="Position">Line and column in the source text, when the parser knows it.</param>
public sealed record WorkflowDiagnostic(string Code, string Message, string Path, SourcePosition? Position = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        Position is { } p ? $"{Code} {Path} ({p}): {Message}" : $"{Code} {Path}: {Message}";
}
