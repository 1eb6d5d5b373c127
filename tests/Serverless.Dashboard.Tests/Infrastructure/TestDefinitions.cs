namespace Serverless.Dashboard.Tests.Infrastructure;

/// <summary>Definitions the browser tests publish.</summary>
public static class TestDefinitions
{
    public const string Echo = """
        { "name": "echo-flow", "version": 1,
          "steps": [
            { "id": "say", "kind": "activity", "activity": "echo", "input": { "text": "{{input.text}}" } },
            { "id": "pause", "kind": "delay", "duration": "PT0.2S" },
            { "id": "again", "kind": "activity", "activity": "echo", "input": { "said": "{{steps.say.output}}" } } ] }
        """;

    public const string Approval = """
        { "name": "purchase-approval", "version": 1,
          "steps": [
            { "id": "decide", "kind": "approval", "approvers": ["alice", "bob", "carol"], "quorum": 2, "timeout": "P2D",
              "escalation": [ { "after": "P1D", "approvers": ["dana"] } ],
              "request": { "subject": "Buy {{input.item}}" } },
            { "id": "order", "kind": "activity", "activity": "echo", "input": { "decision": "{{steps.decide.output.decision}}" } } ] }
        """;

    /// <summary>Two errors on line 4 and one on line 3 (unknown activity, bad duration, duplicate id).</summary>
    public const string Invalid = """
        { "name": "broken", "version": 1,
          "steps": [
            { "id": "a", "kind": "activity", "activity": "noSuchActivity" },
            { "id": "a", "kind": "delay", "duration": "soon" } ] }
        """;
}
