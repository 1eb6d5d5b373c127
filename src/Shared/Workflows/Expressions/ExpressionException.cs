namespace Serverless.Workflows.Expressions;

/// <summary>Base class of every error the expression language raises; nothing else escapes it.</summary>
public class ExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public ExpressionException(string message)
        : base(message)
    {
    }
}

/// <summary>The expression text is malformed; <see cref="Position"/> is the zero-based offset of the problem.</summary>
public sealed class ExpressionSyntaxException : ExpressionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="position">Zero-based character offset in the expression text.</param>
    public ExpressionSyntaxException(string message, int position)
        : base($"{message} (at offset {position})")
    {
        Position = position;
    }

    /// <summary>Zero-based character offset of the problem in the expression text.</summary>
    public int Position { get; }
}

/// <summary>Evaluation failed: wrong operand types, division by zero, or a budget was exceeded.</summary>
public class ExpressionEvaluationException : ExpressionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public ExpressionEvaluationException(string message)
        : base(message)
    {
    }
}

/// <summary>Evaluation used more steps than <see cref="ExpressionLimits.MaxEvaluationSteps"/> allows.</summary>
public sealed class ExpressionBudgetExceededException : ExpressionEvaluationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="budget">The step budget that was exhausted.</param>
    public ExpressionBudgetExceededException(int budget)
        : base($"Expression evaluation exceeded its budget of {budget} steps.")
    {
        Budget = budget;
    }

    /// <summary>The step budget that was exhausted.</summary>
    public int Budget { get; }
}
