namespace Serverless.Audit;

/// <summary>The outcome of <see cref="AuditTrail.VerifyTrailAsync"/>.</summary>
/// <param name="InstanceId">The instance whose trail was checked.</param>
/// <param name="RowsChecked">How many entry rows were read.</param>
/// <param name="Problems">Every inconsistency found; empty when the trail is intact.</param>
public sealed record AuditVerification(string InstanceId, int RowsChecked, IReadOnlyList<AuditProblem> Problems)
{
    /// <summary>True when no row was edited, deleted or reordered since it was written.</summary>
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>One inconsistency in a trail.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Sequence">The chain position concerned.</param>
/// <param name="RowKey">The row concerned, when it still exists.</param>
/// <param name="Description">A sentence for the operator.</param>
public sealed record AuditProblem(AuditProblemKind Kind, long Sequence, string? RowKey, string Description);

/// <summary>Kinds of trail inconsistency.</summary>
public enum AuditProblemKind
{
    /// <summary>A row's content no longer matches its hash (or its key): it was edited.</summary>
    Edited,

    /// <summary>A chain position has no row: it was deleted.</summary>
    Deleted,

    /// <summary>A row does not link to the row before it (it was replaced or rows were reordered).</summary>
    ChainBroken,

    /// <summary>Rows exist but the chain head is missing, or the head disagrees with the last row.</summary>
    HeadMismatch,
}
