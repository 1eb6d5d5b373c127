namespace Serverless.Workflows.Expressions;

/// <summary>Hard bounds that keep parsing and evaluation of any expression small and finite.</summary>
public static class ExpressionLimits
{
    /// <summary>Longest expression text accepted, in characters.</summary>
    public const int MaxLength = 4_096;

    /// <summary>Deepest nesting of operators, parentheses, indexers and array literals.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most evaluation steps (nodes visited, elements compared) one evaluation may take.</summary>
    public const int MaxEvaluationSteps = 10_000;

    /// <summary>Longest string an evaluation may produce, in characters.</summary>
    public const int MaxStringLength = 1_000_000;
}
