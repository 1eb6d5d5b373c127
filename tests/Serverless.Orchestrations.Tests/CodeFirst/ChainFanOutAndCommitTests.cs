using System.Text.Json.Nodes;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Orchestrations.Tests.Infrastructure;

namespace Serverless.Orchestrations.Tests.CodeFirst;

/// <summary>Control flow of the chain, the fan-out and the two-phase commit against the port (Moq).</summary>
public sealed class ChainFanOutAndCommitTests
{
    [Fact]
    public async Task SequentialChain_StepWithoutTemplate_ReceivesPreviousOutput()
    {
        var context = new ScriptedContext().On("inc", input => input!.GetValue<int>() + 1);
        var input = new SequentialChainInput { Input = JsonValue.Create(1), Steps = [new("a", new("inc")), new("b", new("inc")), new("c", new("inc"))] };

        var output = await new SequentialChain().RunAsync(context.Object, input);

        Assert.Equal([1, 2, 3], context.Calls.Select(c => c.Input!.GetValue<int>()));
        Assert.Equal(4, output.Output!.GetValue<int>());
    }

    [Fact]
    public async Task SequentialChain_FirstStepFails_CallsNothingElse()
    {
        var context = new ScriptedContext().Fail("a", "nope").On("b", _ => 1);
        var input = new SequentialChainInput { Steps = [new("a", new("a")), new("b", new("b"))] };

        var output = await new SequentialChain().RunAsync(context.Object, input);

        Assert.Equal(["a"], context.CallNames);
        Assert.Equal((false, "a", "nope"), (output.Succeeded, output.FailedStep, output.Steps[0].Error!.Message));
    }

    [Fact]
    public async Task SequentialChain_DuplicateStepNames_ThrowsBeforeAnyCall()
    {
        var context = new ScriptedContext();

        await Assert.ThrowsAsync<ArgumentException>(() => new SequentialChain().RunAsync(context.Object, new SequentialChainInput { Steps = [new("a", new("x")), new("a", new("y"))] }));

        Assert.Empty(context.Calls);
    }

    [Fact]
    public async Task SequentialChain_TemplateSyntaxError_ThrowsBeforeAnyCall()
    {
        var context = new ScriptedContext().On("a", _ => 1);
        var input = new SequentialChainInput { Steps = [new("a", new("a")), new("b", new("a", JsonValue.Create("{{steps.a.output +}}")))] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new SequentialChain().RunAsync(context.Object, input));

        Assert.Contains("step 'b'", error.Message, StringComparison.Ordinal);
        Assert.Empty(context.Calls);
    }

    [Fact]
    public async Task SequentialChain_TemplateFailsOnTheData_ReportsTheStepAsFailed()
    {
        var context = new ScriptedContext().On("a", _ => "text").On("b", _ => 2);
        var input = new SequentialChainInput { Steps = [new("a", new("a")), new("b", new("b", JsonValue.Create("{{steps.a.output * 2}}")))] };

        var output = await new SequentialChain().RunAsync(context.Object, input);

        Assert.Equal((false, "b"), (output.Succeeded, output.FailedStep));
        Assert.Contains("Arithmetic needs two numbers", output.Steps[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(["a"], context.CallNames);
    }

    [Fact]
    public async Task FanOutFanIn_CapOfTwo_StartsTheNextItemOnlyWhenOneFinishes()
    {
        var pending = new List<TaskCompletionSource<object?>>();
        var context = new ScriptedContext().OnAsync("work", _ =>
        {
            var call = new TaskCompletionSource<object?>();
            pending.Add(call);
            return call.Task;
        });
        var input = new FanOutFanInInput { Activity = "work", Items = [.. Enumerable.Range(0, 5).Select(i => (JsonNode?)JsonValue.Create(i))], MaxConcurrency = 2 };

        var run = new FanOutFanIn().RunAsync(context.Object, input);
        var startedAtFirst = context.Calls.Count;
        pending[1].SetResult(10);
        var startedAfterOne = context.Calls.Count;
        for (var i = 0; i < 5; i++)
        {
            pending[i].TrySetResult(i * 10);
        }

        var output = await run;

        Assert.Equal((2, 3), (startedAtFirst, startedAfterOne));
        Assert.Equal([0, 10, 20, 30, 40], output.Outputs.Select(o => o!.GetValue<int>()));
    }

    [Fact]
    public async Task FanOutFanIn_TooManyFailures_FailsAndSkipsAggregation()
    {
        var context = new ScriptedContext().OnAsync("work", input => input!.GetValue<int>() % 2 == 0
            ? Task.FromResult<object?>(1)
            : Task.FromException<object?>(ScriptedContext.Failure("work", "odd")));
        var input = new FanOutFanInInput { Activity = "work", Items = [JsonValue.Create(0), JsonValue.Create(1), JsonValue.Create(3)], MaxFailures = 1, AggregateActivity = "sum" };

        var output = await new FanOutFanIn().RunAsync(context.Object, input);

        Assert.Equal((false, 1, 2), (output.Succeeded, output.Completed, output.Failed));
        Assert.DoesNotContain("sum", context.CallNames);
    }

    [Fact]
    public async Task FanOutFanIn_ConcurrencyZero_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new FanOutFanIn().RunAsync(new ScriptedContext().Object, new FanOutFanInInput { Activity = "w", MaxConcurrency = 0 }));
    }

    private static TwoPhaseCommitInput Transaction() => new()
    {
        Input = new JsonObject { ["amount"] = 5 },
        Participants =
        [
            new("a", new("prepA", JsonNode.Parse("""{"amount":"{{input.amount}}"}""")), new("commitA", JsonNode.Parse("""{"id":"{{item.id}}"}""")), new("abortA", JsonNode.Parse("""{"id":"{{item.id}}"}"""))),
            new("b", new("prepB"), new("commitB"), new("abortB")),
        ],
    };

    [Fact]
    public async Task TwoPhaseCommit_AllPrepared_CommitsEachWithItsPrepareOutput()
    {
        var context = new ScriptedContext()
            .On("prepA", _ => new { id = "A1" }).On("prepB", _ => new { id = "B1" })
            .On("commitA", _ => null).On("commitB", _ => null);

        var output = await new TwoPhaseCommit().RunAsync(context.Object, Transaction());

        Assert.Equal("committed", output.Outcome);
        Assert.Equal(["prepA", "prepB", "commitA", "commitB"], context.CallNames);
        Assert.Equal((5, "A1"), (context.Calls[0].Input!["amount"]!.GetValue<int>(), context.Calls[2].Input!["id"]!.GetValue<string>()));
        Assert.Equal(3, context.Calls[2].Options!.Retry!.Policy!.MaxNumberOfAttempts);
    }

    [Fact]
    public async Task TwoPhaseCommit_OnePrepareFails_AbortsOnlyThePrepared()
    {
        var context = new ScriptedContext().On("prepA", _ => new { id = "A1" }).Fail("prepB", "no").On("abortA", _ => null);

        var output = await new TwoPhaseCommit().RunAsync(context.Object, Transaction());

        Assert.Equal("aborted", output.Outcome);
        Assert.Equal(["prepA", "prepB", "abortA"], context.CallNames);
        Assert.Equal(["aborted", "notPrepared"], output.Participants.Select(p => p.PhaseTwo));
    }

    [Fact]
    public async Task TwoPhaseCommit_CommitTemplateFailsOnPrepareOutput_StillCommitsTheOther()
    {
        var context = new ScriptedContext()
            .On("prepA", _ => new { id = "A1" }).On("prepB", _ => new { id = "B1" })
            .On("commitA", _ => null).On("commitB", _ => null);
        var input = Transaction();
        input = input with { Participants = [input.Participants[0] with { Commit = new("commitA", JsonValue.Create("{{item.id * 2}}")) }, input.Participants[1]] };

        var output = await new TwoPhaseCommit().RunAsync(context.Object, input);

        Assert.Equal("commitIncomplete", output.Outcome);
        Assert.Equal(["prepA", "prepB", "commitB"], context.CallNames);
        Assert.Equal("System.ArgumentException", output.Participants[0].PhaseTwoError!.ErrorType);
    }

    [Fact]
    public async Task TwoPhaseCommit_AbortTemplateSyntaxError_ThrowsBeforeAnyPrepare()
    {
        var context = new ScriptedContext();
        var input = Transaction();
        input = input with { Participants = [input.Participants[0] with { Abort = new("abortA", JsonValue.Create("{{item.(}}")) }, input.Participants[1]] };

        await Assert.ThrowsAsync<ArgumentException>(() => new TwoPhaseCommit().RunAsync(context.Object, input));

        Assert.Empty(context.Calls);
    }

    [Fact]
    public async Task TwoPhaseCommit_OneCommitFails_StillCommitsTheOtherAndReportsIncomplete()
    {
        var context = new ScriptedContext()
            .On("prepA", _ => new { id = "A1" }).On("prepB", _ => new { id = "B1" })
            .Fail("commitA", "down").On("commitB", _ => null);

        var output = await new TwoPhaseCommit().RunAsync(context.Object, Transaction());

        Assert.Equal("commitIncomplete", output.Outcome);
        Assert.Equal(["failed", "committed"], output.Participants.Select(p => p.PhaseTwo));
        Assert.Equal("down", output.Participants[0].PhaseTwoError!.Message);
    }
}
