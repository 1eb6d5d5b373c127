namespace Serverless.Activities.Approvals;

/// <summary>
/// An approval an orchestration is waiting for, as shown in the approvers' inbox. Requesting again with a
/// higher <see cref="Level"/> escalates: the new approvers replace those of the pending request.
/// </summary>
public sealed record ApprovalRequest
{
    /// <summary>The waiting orchestration instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The approval step (its decision arrives as the event <c>approval:&lt;StepId&gt;</c>).</summary>
    public required string StepId { get; init; }

    /// <summary>The workflow or orchestrator name, for display.</summary>
    public string Workflow { get; init; } = string.Empty;

    /// <summary>What is to be approved, for display.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>Who may decide at this level; compared case-insensitively.</summary>
    public required IReadOnlyList<string> Approvers { get; init; }

    /// <summary>How many distinct listed approvers must approve; 1 to the number of distinct approvers.</summary>
    public int Quorum { get; init; } = 1;

    /// <summary>The escalation level, 0 for the first approvers.</summary>
    public int Level { get; init; }

    /// <summary>When the request was made (pass the orchestration's time); default means "now".</summary>
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>When this level times out or escalates, if it does.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Details shown to approvers, as a JSON document.</summary>
    public string? DetailsJson { get; init; }

    /// <summary>The distinct approvers, first spelling kept.</summary>
    public IReadOnlyList<string> DistinctApprovers() =>
        Approvers.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>True when <paramref name="approver"/> is listed (case-insensitive).</summary>
    /// <param name="approver">Who.</param>
    /// <returns>Whether they may decide.</returns>
    public bool Lists(string approver) =>
        !string.IsNullOrWhiteSpace(approver) && Approvers.Any(a => string.Equals(a.Trim(), approver.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws a precise <see cref="ArgumentException"/> for a request that may not be stored.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(InstanceId))
        {
            throw new ArgumentException("InstanceId is required.", nameof(InstanceId));
        }

        if (string.IsNullOrWhiteSpace(StepId))
        {
            throw new ArgumentException("StepId is required.", nameof(StepId));
        }

        var distinct = Approvers is null ? 0 : DistinctApprovers().Count;
        if (distinct == 0)
        {
            throw new ArgumentException("An approval needs at least one approver.", nameof(Approvers));
        }

        if (Quorum < 1 || Quorum > distinct)
        {
            throw new ArgumentOutOfRangeException(nameof(Quorum), Quorum, $"Quorum must be between 1 and the number of distinct approvers ({distinct}).");
        }

        if (Level < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "Level must be 0 or more.");
        }

        if (DetailsJson is not null)
        {
            try
            {
                using var _ = System.Text.Json.JsonDocument.Parse(DetailsJson);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new ArgumentException($"DetailsJson is not valid JSON: {e.Message}", nameof(DetailsJson), e);
            }
        }
    }
}
