namespace Serverless.Triggers;

/// <summary>One thing wrong with a trigger document, located by JSON path (<c>$.rules[1].when</c>).</summary>
/// <param name="Path">Where.</param>
/// <param name="Message">What is wrong.</param>
public sealed record TriggerProblem(string Path, string Message);

/// <summary>A trigger document that cannot be used; <see cref="Problems"/> lists every problem found, each located.</summary>
public sealed class TriggerDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found.</param>
    public TriggerDefinitionException(IReadOnlyList<TriggerProblem> problems)
        : base($"The trigger has {problems.Count} problem(s): " + string.Join(" ", problems.Select(p => $"{p.Path}: {p.Message}")))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<TriggerProblem> Problems { get; }
}
