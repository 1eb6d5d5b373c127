using System.Text.Json.Nodes;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Output of <see cref="TwoPhaseCommit"/>.</summary>
/// <param name="Outcome"><c>committed</c>; <c>aborted</c> when a prepare failed and the prepared ones were aborted;
/// <c>commitIncomplete</c> or <c>abortIncomplete</c> when a phase-two call still failed after its retries (needs attention).</param>
/// <param name="Participants">Each participant's result, in input order.</param>
public sealed record TwoPhaseCommitOutput(string Outcome, IReadOnlyList<ParticipantOutcome> Participants);

/// <summary>One participant's result.</summary>
/// <param name="Name">The participant.</param>
/// <param name="Prepared">True when its prepare completed.</param>
/// <param name="PrepareOutput">The prepare output.</param>
/// <param name="PrepareError">Why the prepare failed.</param>
/// <param name="PhaseTwo"><c>committed</c>, <c>aborted</c>, <c>notPrepared</c> (nothing to abort), or <c>failed</c>.</param>
/// <param name="PhaseTwoError">Why the commit or abort failed after its retries.</param>
public sealed record ParticipantOutcome(string Name, bool Prepared, JsonNode? PrepareOutput, StepError? PrepareError, string PhaseTwo, StepError? PhaseTwoError);
