using Microsoft.DurableTask;

namespace Serverless.Orchestrations.Workflows;

/// <summary>Knobs of the workflow interpreter. The defaults are what hosts run with.</summary>
public sealed record WorkflowInterpreterOptions
{
    /// <summary>The default options.</summary>
    public static WorkflowInterpreterOptions Default { get; } = new();

    /// <summary>
    /// Iterations a top-level loop runs in one execution before the instance continues as new, carrying its
    /// state, so history stays bounded however long the loop runs.
    /// </summary>
    public int LoopIterationsPerExecution { get; init; } = 100;

    /// <summary>Domain events buffered before they are written to the audit trail in one activity call.</summary>
    public int AuditBatchSize { get; init; } = 64;

    /// <summary>Whether domain events are written to the audit trail (benchmarks turn it off to measure its cost).</summary>
    public bool AuditEnabled { get; init; } = true;

    /// <summary>How each compensation activity is retried before it is reported as failed.</summary>
    public Microsoft.DurableTask.RetryPolicy CompensationRetry { get; init; } = new(3, TimeSpan.FromSeconds(1), 2.0);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a bad setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(LoopIterationsPerExecution, 1, nameof(LoopIterationsPerExecution));
        ArgumentOutOfRangeException.ThrowIfLessThan(AuditBatchSize, 1, nameof(AuditBatchSize));
    }
}
