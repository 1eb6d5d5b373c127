using Serverless.Approvals;

namespace Serverless.Orchestrations.Workflows;

/// <summary>
/// The votes of one approval step: only listed approvers count, each once (distinct approvers make the quorum),
/// and a rejection decides as soon as the quorum can no longer be reached by the approvers listed so far.
/// </summary>
/// <param name="approvers">The first level's approvers.</param>
/// <param name="quorum">Approvals needed.</param>
internal sealed class ApprovalTally(IEnumerable<string> approvers, int quorum)
{
    private readonly List<string> _allowed = [.. approvers.Distinct(StringComparer.OrdinalIgnoreCase)];
    private readonly List<string> _approvals = [];
    private readonly List<string> _rejections = [];

    /// <summary>Everyone who may decide now, in the order they were listed.</summary>
    public IReadOnlyList<string> Allowed => _allowed;

    /// <summary>Listed approvers who approved, in decision order.</summary>
    public IReadOnlyList<string> Approvals => _approvals;

    /// <summary>Listed approvers who rejected, in decision order.</summary>
    public IReadOnlyList<string> Rejections => _rejections;

    /// <summary><c>approved</c>, <c>rejected</c>, or null while undecided.</summary>
    public string? Outcome =>
        _approvals.Count >= quorum ? "approved"
        : _allowed.Count - _rejections.Count < quorum ? "rejected"
        : null;

    /// <summary>True when <paramref name="approver"/> is listed at a level reached so far.</summary>
    public bool IsAllowed(string approver) => _allowed.Contains(approver, StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds an escalation level's approvers.</summary>
    public void Widen(IEnumerable<string> approvers)
    {
        foreach (var approver in approvers)
        {
            if (!IsAllowed(approver))
                _allowed.Add(approver);
        }
    }

    /// <summary>Counts a decision; false when the approver is not listed or already decided.</summary>
    public bool Record(ApprovalDecision decision)
    {
        if (!IsAllowed(decision.Approver) || HasDecided(decision.Approver))
            return false;
        var listed = _allowed.First(a => string.Equals(a, decision.Approver, StringComparison.OrdinalIgnoreCase));
        (decision.Approved ? _approvals : _rejections).Add(listed);
        return true;
    }

    /// <summary>True when <paramref name="approver"/> has already decided.</summary>
    public bool HasDecided(string approver) =>
        _approvals.Contains(approver, StringComparer.OrdinalIgnoreCase) || _rejections.Contains(approver, StringComparer.OrdinalIgnoreCase);
}
