using System.Text.Json.Nodes;
using Serverless.Durable;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;
using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Parsing;

/// <summary>Readers of the steps that wait (approval, wait, delay) or delegate (workflow, transaction).</summary>
internal sealed partial class StepReader
{
    // Approvers are principal names: the decide route refuses a name that does not display as what it is, so such a
    // name could never decide; refuse it at publish time instead.
    private void CheckApprovers(IReadOnlyList<string> approvers, string path)
    {
        for (var i = 0; i < approvers.Count; i++)
        {
            var problem = approvers[i].Trim().Length is 0 or > 256
                ? "An approver must be a principal name of 1 to 256 characters."
                : DisplaySafeText.Problem(approvers[i], "An approver");
            if (problem is not null)
                diagnostics.Add(DiagnosticCodes.InvalidIdentifier, JsonPath.Item(path, i), problem);
        }
    }

    private ApprovalStep ReadApproval(ObjectReader reader)
    {
        var approvers = reader.StringList("approvers");
        if (approvers.Count == 0)
            diagnostics.Add(DiagnosticCodes.NoApprovers, reader.PathOf("approvers"), "An approval step needs at least one approver.");
        CheckApprovers(approvers, reader.PathOf("approvers"));
        var escalation = new List<EscalationLevel>();
        var array = reader.Array("escalation");
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var path = JsonPath.Item(reader.PathOf("escalation"), i);
            if (array[i] is not JsonObject obj)
            {
                diagnostics.Add(DiagnosticCodes.WrongType, path, "An escalation level must be an object with 'after' and 'approvers'.");
                continue;
            }
            var level = new ObjectReader(obj, path, diagnostics);
            var after = level.Duration("after", required: true) ?? TimeSpan.Zero;
            var levelApprovers = level.StringList("approvers");
            if (levelApprovers.Count == 0)
                diagnostics.Add(DiagnosticCodes.NoApprovers, level.PathOf("approvers"), "An escalation level needs at least one approver.");
            CheckApprovers(levelApprovers, level.PathOf("approvers"));
            escalation.Add(new EscalationLevel(after, levelApprovers));
            level.Finish();
        }
        return new ApprovalStep
        {
            Id = string.Empty,
            Path = reader.Path,
            Approvers = approvers,
            Quorum = reader.Int("quorum", int.MinValue, int.MaxValue) ?? 1,
            Timeout = reader.Duration("timeout"),
            Escalation = escalation,
            OnTimeout = reader.Enum("onTimeout", ApprovalTimeoutAction.Fail),
            Request = reader.Template("request"),
        };
    }

    private static WaitStep ReadWait(ObjectReader reader) => new()
    {
        Id = string.Empty,
        Path = reader.Path,
        Event = WorkflowParser.ReadName(reader, "event"),
        Timeout = reader.Duration("timeout"),
        OnTimeout = reader.Enum("onTimeout", WaitTimeoutAction.Fail),
    };

    private DelayStep ReadDelay(ObjectReader reader)
    {
        var step = new DelayStep
        {
            Id = string.Empty,
            Path = reader.Path,
            Duration = reader.Duration("duration"),
            Until = reader.StringTemplate("until"),
        };
        if (reader.Has("duration") == reader.Has("until"))
            diagnostics.Add(DiagnosticCodes.MissingProperty, reader.Path, "A delay needs exactly one of 'duration' or 'until'.");
        return step;
    }

    private static SubWorkflowStep ReadSubWorkflow(ObjectReader reader) => new()
    {
        Id = string.Empty,
        Path = reader.Path,
        Workflow = WorkflowParser.ReadName(reader, "workflow"),
        Version = reader.Int("version", 1, int.MaxValue, required: true) ?? 1,
        Input = reader.Template("input"),
    };

    private TransactionStep ReadTransaction(ObjectReader reader)
    {
        var participants = new List<TransactionParticipant>();
        var array = reader.Array("participants");
        if (array is null or { Count: 0 })
            diagnostics.Add(DiagnosticCodes.NoParticipants, reader.PathOf("participants"), "A transaction needs at least one participant.");
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var path = JsonPath.Item(reader.PathOf("participants"), i);
            if (array[i] is not JsonObject obj)
            {
                diagnostics.Add(DiagnosticCodes.WrongType, path, "A participant must be an object with 'name', 'prepare', 'commit' and 'abort'.");
                continue;
            }
            var participant = new ObjectReader(obj, path, diagnostics);
            var name = participant.String("name", required: true) ?? string.Empty;
            participants.Add(new TransactionParticipant(name, Phase(participant, "prepare"), Phase(participant, "commit"), Phase(participant, "abort")));
            participant.Finish();
        }
        return new TransactionStep { Id = string.Empty, Path = reader.Path, Participants = participants };
    }

    private ActivityCall Phase(ObjectReader participant, string phase)
    {
        if (!participant.Has(phase))
        {
            participant.Raw(phase);
            diagnostics.Add(DiagnosticCodes.IncompleteParticipant, participant.PathOf(phase),
                $"Transaction participant is missing its '{phase}' activity (prepare, commit and abort are all required).");
        }
        return ReadCall(participant.Object(phase), participant.PathOf(phase));
    }
}
