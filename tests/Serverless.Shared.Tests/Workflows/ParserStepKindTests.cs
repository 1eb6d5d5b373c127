using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;

namespace Serverless.Shared.Tests.Workflows;

public class ParserStepKindTests
{
    private static T ParseStep<T>(string step)
        where T : WorkflowStep
    {
        var result = WorkflowParser.Parse(Definitions.With(step));
        Assert.True(result.Diagnostics.Count == 0, string.Join(Environment.NewLine, result.Diagnostics));
        return Assert.IsType<T>(result.Definition!.Steps.Single());
    }

    [Fact]
    public void Parse_ActivityStep_ReadsEveryField()
    {
        // Act
        var step = ParseStep<ActivityStep>("""
            { "id": "a", "kind": "activity", "activity": "http", "description": "d", "timeout": "PT10S",
              "retry": { "maxAttempts": 4, "initialInterval": "PT2S", "backoffCoefficient": 1.5, "maxInterval": "PT1M" },
              "fallback": { "activity": "echo", "input": 1 }, "compensate": { "activity": "notify" },
              "onError": "continue", "assign": { "x": "{{steps.a.output}}" } }
            """);

        // Assert
        Assert.Equal(("a", "http", "d", "$.steps[0]"), (step.Id, step.Call.Activity, step.Description, step.Path));
        Assert.Equal(TimeSpan.FromSeconds(10), step.Timeout);
        Assert.Equal(new RetryPolicy(4, TimeSpan.FromSeconds(2), 1.5, TimeSpan.FromMinutes(1)), step.Retry);
        Assert.Equal(("echo", "notify"), (step.Fallback!.Activity, step.Compensate!.Activity));
        Assert.Equal(ErrorAction.Continue, step.OnError);
        Assert.Equal(["x"], step.Assign.Keys);
    }

    [Fact]
    public void Parse_ParallelStep_ReadsBranchesAndPolicy()
    {
        // Act
        var step = ParseStep<ParallelStep>("""
            { "id": "p", "kind": "parallel", "failurePolicy": "waitAll", "branches": [
              { "name": "x", "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] },
              { "name": "y", "steps": [ { "id": "b", "kind": "activity", "activity": "echo" } ] } ] }
            """);

        // Assert
        Assert.Equal(ParallelFailurePolicy.WaitAll, step.FailurePolicy);
        Assert.Equal(["x", "y"], step.Branches.Select(b => b.Name));
        Assert.Equal("$.steps[0].branches[1].steps[0]", step.Branches[1].Sequence.Steps[0].Path);
    }

    [Fact]
    public void Parse_ForeachStep_ReadsItemsConcurrencyBreakAndPolicy()
    {
        // Act
        var step = ParseStep<ForeachStep>("""
            { "id": "f", "kind": "foreach", "items": "input.list", "maxConcurrency": 8, "break": "index > 5", "onItemError": "continue",
              "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }
            """);

        // Assert
        Assert.Equal(("input.list", 8, "index > 5"), (step.Items.Text, step.MaxConcurrency, step.Break!.Text));
        Assert.Equal(ItemErrorPolicy.Continue, step.OnItemError);
        Assert.Single(step.Body.Steps);
    }

    [Fact]
    public void Parse_SwitchAndLoopSteps_ReadConditionsAndBodies()
    {
        // Act
        var gateway = ParseStep<SwitchStep>("""
            { "id": "s", "kind": "switch", "cases": [ { "when": true, "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] } ],
              "default": [ { "id": "b", "kind": "activity", "activity": "echo" } ] }
            """);
        var loop = ParseStep<LoopStep>("""
            { "id": "l", "kind": "loop", "while": "vars.go", "until": "index >= 2", "maxIterations": 9, "onMaxIterations": "continue",
              "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }
            """);

        // Assert
        Assert.Equal(("true", "b"), (gateway.Cases[0].When.Text, gateway.Default!.Steps[0].Id));
        Assert.Equal(("vars.go", "index >= 2", 9), (loop.While!.Text, loop.Until!.Text, loop.MaxIterations));
        Assert.Equal(LoopCapAction.Continue, loop.OnMaxIterations);
    }

    [Fact]
    public void Parse_ApprovalStep_ReadsQuorumEscalationAndTimeoutAction()
    {
        // Act
        var step = ParseStep<ApprovalStep>("""
            { "id": "ap", "kind": "approval", "approvers": ["a", "b", "c"], "quorum": 2, "timeout": "P3D", "onTimeout": "approve",
              "escalation": [ { "after": "P1D", "approvers": ["boss"] } ], "request": { "subject": "{{input.x}}" } }
            """);

        // Assert
        Assert.Equal((3, 2, TimeSpan.FromDays(3)), (step.Approvers.Count, step.Quorum, step.Timeout!.Value));
        Assert.Equal(TimeSpan.FromDays(1), step.Escalation.Single().After);
        Assert.Equal("boss", step.Escalation.Single().Approvers.Single());
        Assert.Equal(ApprovalTimeoutAction.Approve, step.OnTimeout);
        Assert.Single(step.Request.Expressions);
    }

    [Fact]
    public void Parse_WaitDelayWorkflowTransaction_ReadTheirFields()
    {
        // Act
        var wait = ParseStep<WaitStep>("""{ "id": "w", "kind": "wait", "event": "paid", "timeout": "PT1H", "onTimeout": "continue" }""");
        var delay = ParseStep<DelayStep>("""{ "id": "d", "kind": "delay", "until": "{{input.at}}" }""");
        var call = ParseStep<SubWorkflowStep>("""{ "id": "c", "kind": "workflow", "workflow": "child", "version": 7, "input": { "a": 1 } }""");
        var tx = ParseStep<TransactionStep>("""
            { "id": "t", "kind": "transaction", "participants": [ { "name": "bank",
              "prepare": { "activity": "holdFunds" }, "commit": { "activity": "debitAccount" }, "abort": { "activity": "releaseHold" } } ] }
            """);

        // Assert
        Assert.Equal(("paid", TimeSpan.FromHours(1), WaitTimeoutAction.Continue), (wait.Event, wait.Timeout!.Value, wait.OnTimeout));
        Assert.Equal(("{{input.at}}", (TimeSpan?)null), (delay.Until!.Text, delay.Duration));
        Assert.Equal(("child", 7), (call.Workflow, call.Version));
        var participant = tx.Participants.Single();
        Assert.Equal(("bank", "holdFunds", "debitAccount", "releaseHold"), (participant.Name, participant.Prepare.Activity, participant.Commit.Activity, participant.Abort.Activity));
    }

    [Fact]
    public void Parse_Schedule_ReadsEveryField()
    {
        // Act
        var schedule = WorkflowParser.Parse(Definitions.With(Definitions.Echo, """
            "schedule": { "cron": "0 */5 * * * *", "timeZone": "Europe/Berlin", "missedRuns": "runAll", "maxCatchUp": 4, "overlap": "allow", "input": { "at": "{{now}}" } }
            """)).Definition!.Schedule!;

        // Assert
        Assert.Equal(("0 */5 * * * *", "Europe/Berlin", 4), (schedule.Cron, schedule.TimeZone, schedule.MaxCatchUp));
        Assert.Equal((MissedRunPolicy.RunAll, OverlapPolicy.Allow), (schedule.MissedRuns, schedule.Overlap));
        Assert.NotNull(schedule.Input);
    }
}
