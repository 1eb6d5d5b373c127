namespace Serverless.Api.Triggers;

/// <summary>What one rule did with one delivery.</summary>
public enum RuleOutcome
{
    /// <summary>Its condition did not hold.</summary>
    NotMatched,

    /// <summary>It matched and started an instance.</summary>
    Started,

    /// <summary>It matched, and its instance id was already in use (a retried delivery): nothing was started.</summary>
    AlreadyStarted,

    /// <summary>It matched (or its condition could not be evaluated) and nothing could be started; the error says why.</summary>
    Failed,
}
