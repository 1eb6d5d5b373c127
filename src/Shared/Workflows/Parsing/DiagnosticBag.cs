using Serverless.Workflows.Diagnostics;

namespace Serverless.Workflows.Parsing;

/// <summary>Collects diagnostics, locating each through a <see cref="SourceMap"/>.</summary>
internal sealed class DiagnosticBag(SourceMap sourceMap)
{
    private readonly List<WorkflowDiagnostic> _items = [];

    public IReadOnlyList<WorkflowDiagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public void Add(string code, string path, string message) =>
        _items.Add(new WorkflowDiagnostic(code, message, path, sourceMap.Find(path)));

    public void Add(WorkflowDiagnostic diagnostic) => _items.Add(diagnostic);
}
