using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Serverless.Orchestrations.Workflows;
using Serverless.Runtime.History;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>Wait, delay and the definition timeout, on a fake clock.</summary>
public sealed class WaitingStepTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Wait_EventArrives_PayloadIsTheStepOutput()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish("""
            { "name": "waiter", "version": 1, "steps": [ { "id": "signal", "kind": "wait", "event": "docsSigned", "timeout": "P7D" } ] }
            """));

        await host.Client.RaiseEventAsync(id, "docsSigned", new { by = "ada" });
        var result = await host.CompleteAsync(id);

        Assert.Equal("ada", result.ReadOutputAs<WorkflowRunOutput>()!.Output!["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wait_TimesOutWithContinue_OutputIsNullAndNextStepRuns()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish("""
            { "name": "waiter2", "version": 1, "steps": [
                { "id": "signal", "kind": "wait", "event": "never", "timeout": "PT10M", "onTimeout": "continue" },
                { "id": "after", "kind": "activity", "activity": "echo", "input": { "got": "{{steps.signal.output}}" } } ] }
            """));

        await host.AdvanceAfterTimersAsync(id, 1, TimeSpan.FromMinutes(10));
        var result = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Null(result.ReadOutputAs<WorkflowRunOutput>()!.Output!["got"]);
    }

    [Fact]
    public async Task Delay_DurationAndUntil_WaitOnDurableTimersOnlyForFutureTimes()
    {
        await using var host = await WorkflowTestHost.StartAsync(clock: _clock);
        var id = await host.StartAsync(host.Publish("""
            { "name": "sleepy", "version": 1, "steps": [
                { "id": "past", "kind": "delay", "until": "2025-12-31T00:00:00Z" },
                { "id": "nap", "kind": "delay", "duration": "PT2H" },
                { "id": "until", "kind": "delay", "until": "{{input.at}}" },
                { "id": "done", "kind": "activity", "activity": "echo", "input": "{{now}}" } ] }
            """), new { at = "2026-01-01T12:00:00Z" });

        await host.AdvanceAfterTimersAsync(id, 1, TimeSpan.FromHours(2));
        await host.AdvanceAfterTimersAsync(id, 2, TimeSpan.FromHours(1));
        var result = await host.CompleteAsync(id);

        Assert.Equal("2026-01-01T12:00:00.000Z", result.ReadOutputAs<WorkflowRunOutput>()!.Output!.GetValue<string>());
        var timers = (await host.Runtime.GetHistoryAsync(id)).OfType<TimerCreated>().Select(t => t.FireAt).ToList();
        Assert.Equal([new DateTime(2026, 1, 1, 11, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc)], timers);
    }

    [Fact]
    public async Task DefinitionTimeout_Elapses_FailsAndCompensatesCompletedSteps()
    {
        var released = new ConcurrentBag<string>();
        await using var host = await WorkflowTestHost.StartAsync(
            r => r.AddJson("release", i =>
            {
                released.Add(i!.GetValue<string>());
                return null;
            }),
            clock: _clock);
        var id = await host.StartAsync(host.Publish("""
            { "name": "bounded", "version": 1, "timeout": "PT30M", "onFailure": "compensate", "steps": [
                { "id": "grab", "kind": "activity", "activity": "echo", "input": "seat", "compensate": { "activity": "release", "input": "{{steps.grab.output}}" } },
                { "id": "forever", "kind": "wait", "event": "never" } ] }
            """));

        await host.WaitForHistoryAsync(id, h => h.OfType<TaskCompleted>().Any());
        await host.AdvanceAfterTimersAsync(id, 1, TimeSpan.FromMinutes(30));
        var result = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("failed at step 'forever': the workflow timed out after PT30M.", result.FailureDetails!.ErrorMessage);
        Assert.Equal(["seat"], released);
    }
}
