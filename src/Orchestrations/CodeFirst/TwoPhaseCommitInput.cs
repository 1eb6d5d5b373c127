using System.Text.Json.Nodes;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Input of <see cref="TwoPhaseCommit"/>.</summary>
public sealed record TwoPhaseCommitInput
{
    /// <summary>The participants; names must be unique.</summary>
    public IReadOnlyList<TransactionParticipant> Participants { get; init; } = [];

    /// <summary>What the participants' templates read as <c>input</c>.</summary>
    public JsonNode? Input { get; init; }

    /// <summary>How each commit and abort is retried; default <see cref="RetrySpec.Default"/>.</summary>
    public RetrySpec? PhaseTwoRetry { get; init; }
}

/// <summary>One participant of a <see cref="TwoPhaseCommit"/>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Prepare">Prepares (e.g. <c>holdFunds</c>); its template reads <c>input</c>.</param>
/// <param name="Commit">Commits (e.g. <c>debitAccount</c>); its template reads <c>input</c> and <c>item</c> = the prepare output.</param>
/// <param name="Abort">Aborts a prepared participant (e.g. <c>releaseHold</c>); same scope as commit.</param>
public sealed record TransactionParticipant(string Name, ActivityCall Prepare, ActivityCall Commit, ActivityCall Abort);
