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

    /// <summary>Every kind of block the step graph draws: compensation, parallel, approval with escalation, loop, switch.</summary>
    public const string Showcase = """
        { "name": "order-showcase", "version": 1, "onFailure": "compensate",
          "description": "Reserve, check in parallel, approve, poll, then ship (or fail and compensate).",
          "steps": [
            { "id": "reserve", "kind": "activity", "activity": "echo", "input": { "sku": "{{input.sku}}" },
              "retry": { "maxAttempts": 3, "initialInterval": "PT1S" },
              "compensate": { "activity": "echo", "input": { "release": "{{input.sku}}" } } },
            { "id": "checks", "kind": "parallel", "branches": [
              { "name": "fraud", "steps": [ { "id": "fraudCheck", "kind": "activity", "activity": "echo", "input": { "check": "fraud" } } ] },
              { "name": "stock", "steps": [ { "id": "stockCheck", "kind": "activity", "activity": "echo", "input": { "check": "stock" } } ] } ] },
            { "id": "approve", "kind": "approval", "approvers": ["manager.alice", "manager.bob"], "quorum": 1, "timeout": "P2D",
              "escalation": [ { "after": "P1D", "approvers": ["director.dana"] } ], "request": { "subject": "Order of {{input.sku}}" } },
            { "id": "poll", "kind": "loop", "until": "index >= 1", "maxIterations": 5,
              "steps": [ { "id": "pollStatus", "kind": "activity", "activity": "echo", "input": { "attempt": "{{index}}" } } ] },
            { "id": "route", "kind": "switch",
              "cases": [ { "when": "input.fail == true", "steps": [ { "id": "explode", "kind": "activity", "activity": "fail", "input": { "message": "carrier rejected the parcel" } } ] } ],
              "default": [ { "id": "ship", "kind": "activity", "activity": "echo", "input": { "ship": "{{input.sku}}" } } ] } ] }
        """;
}
