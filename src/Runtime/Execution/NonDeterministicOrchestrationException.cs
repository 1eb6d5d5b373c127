namespace Serverless.Runtime.Execution;

/// <summary>
/// The orchestrator, replayed over its stored history, did something other than what the history
/// records: its code changed in a way that breaks running instances, or it is not deterministic.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the error with the position and both sides of the mismatch.</summary>
    /// <param name="instanceId">The instance being replayed.</param>
    /// <param name="position">The history index where replay diverged.</param>
    /// <param name="expected">What the history records at that point.</param>
    /// <param name="actual">What the orchestrator did instead.</param>
    public NonDeterministicOrchestrationException(string instanceId, int position, string expected, string actual)
        : base($"Non-deterministic orchestration '{instanceId}': at history position {position} the history records {expected}, but the orchestrator {actual}.")
    {
        InstanceId = instanceId;
        Position = position;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The instance being replayed.</summary>
    public string InstanceId { get; }

    /// <summary>The history index where replay diverged.</summary>
    public int Position { get; }

    /// <summary>What the history records.</summary>
    public string Expected { get; }

    /// <summary>What the orchestrator did.</summary>
    public string Actual { get; }
}
