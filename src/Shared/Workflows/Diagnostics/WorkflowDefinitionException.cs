namespace Serverless.Workflows.Diagnostics;

/// <summary>Thrown when a definition is rejected; carries every problem found, not just the first.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    /// <summary>Creates the exception from the full list of problems.</summary>
    /// <param name="diagnostics">Every problem found; must not be empty.</param>
    public WorkflowDefinitionException(IReadOnlyList<WorkflowDiagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found in the definition.</summary>
    public IReadOnlyList<WorkflowDiagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<WorkflowDiagnostic> diagnostics) =>
        $"The workflow definition has {diagnostics.Count} problem(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));
}
