namespace Serverless.Host.Tests.Infrastructure;

/// <summary>Small workflow definitions the host tests publish.</summary>
public static class TestWorkflows
{
    public const string Echo = """
        { "name": "echo-flow", "version": 1,
          "input": { "required": ["text"], "properties": { "text": { "type": "string" } } },
          "steps": [ { "id": "say", "kind": "activity", "activity": "echo", "input": { "text": "{{input.text}}" } } ],
          "output": "{{steps.say.output}}" }
        """;

    public const string EchoV2 = """
        { "name": "echo-flow", "version": 2,
          "input": { "required": ["text"], "properties": { "text": { "type": "string" } } },
          "steps": [ { "id": "say2", "kind": "activity", "activity": "echo", "input": { "v2": "{{input.text}}" } } ] }
        """;

    public const string Wait = """
        { "name": "wait-flow", "version": 1,
          "steps": [ { "id": "go", "kind": "wait", "event": "go" } ] }
        """;

    public const string Failing = """
        { "name": "fail-flow", "version": 1,
          "steps": [ { "id": "boom", "kind": "activity", "activity": "fail", "input": { "message": "planned failure" } } ] }
        """;

    public const string Approval = """
        { "name": "approve-flow", "version": 1,
          "steps": [
            { "id": "decide", "kind": "approval", "approvers": ["alice", "bob"], "quorum": 1, "request": { "subject": "Please approve" } },
            { "id": "after", "kind": "activity", "activity": "echo", "input": { "decision": "{{steps.decide.output.decision}}" } } ] }
        """;

    public const string Retained = """
        { "name": "short-lived", "version": 1, "retention": "P1D",
          "steps": [ { "id": "say", "kind": "activity", "activity": "echo", "input": { "x": 1 } } ] }
        """;

    public const string Invalid = """
        { "name": "broken", "version": 1,
          "steps": [
            { "id": "a", "kind": "activity", "activity": "noSuchActivity" },
            { "id": "a", "kind": "delay", "duration": "soon" } ] }
        """;
}
