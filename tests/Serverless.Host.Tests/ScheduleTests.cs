using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Api.Schedules;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed partial class ScheduleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly TestHost _host = new(Start);

    public async Task InitializeAsync()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);
        await _host.PublishOkAsync(TestWorkflows.Wait);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Put_New_Returns201WithNextFireTimes()
    {
        var response = await PutAsync("hourly", new { workflow = "echo-flow", cron = "0 0 * * * *", input = new { text = "tick" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await TestHost.ReadJsonAsync(response);
        Assert.Equal(["2026-03-28T13:00:00.0000000Z", "2026-03-28T14:00:00.0000000Z", "2026-03-28T15:00:00.0000000Z", "2026-03-28T16:00:00.0000000Z", "2026-03-28T17:00:00.0000000Z"],
            body["nextFireTimes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("skip", (string?)body["missedRuns"]);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("hourly", new { workflow = "echo-flow", cron = "0 30 * * * *", input = new { text = "tick" } })).StatusCode);
    }

    [Fact]
    public async Task Tick_RunTwiceAndConcurrently_StartsEachFireTimeOnce()
    {
        await PutAsync("hourly", new { workflow = "echo-flow", cron = "0 0 * * * *", input = new { text = "tick" } });
        var expected = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            _host.Time.Advance(TimeSpan.FromHours(1));

            var first = await Task.WhenAll(TickAsync(), TickAsync(), TickAsync());
            var again = await TickAsync();

            var started = Assert.Single(first.SelectMany(f => f), f => f.Outcome == ScheduleFireOutcome.Started);
            Assert.Empty(again);
            Assert.Equal("Completed", (await _host.WaitForCompletionAsync(started.InstanceId)).RuntimeStatus.ToString());
            expected.Add(started.InstanceId);
        }

        Assert.Equal(expected.Order(), await ListAsync("schedule-hourly-"));
        Assert.Equal("schedule-hourly-20260328T130000Z", expected[0]);
    }

    [Fact]
    public async Task Tick_LookupSeesNothingWhileAnotherTickStartsAndFinishesTheRun_StartsItOnce()
    {
        await PutAsync("raced", new { workflow = "echo-flow", cron = "0 0 * * * *", input = new { text = "race" } });
        var holding = new LookupHoldingClient(_host.Durable);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var round = 0; round < 10; round++)
        {
            _host.Time.Advance(TimeSpan.FromHours(1));
            holding.Arm("schedule-raced-");

            var late = _host.Get<ScheduleTick>().RunAsync(_host.Time, holding, CancellationToken.None);
            await holding.Held.WaitAsync(timeout.Token);
            var early = Assert.Single(await TickAsync());
            var finished = await _host.WaitForCompletionAsync(early.InstanceId);
            holding.Release();
            var lateFires = await late;

            Assert.Equal(ScheduleFireOutcome.Started, early.Outcome);
            Assert.Equal(ScheduleFireOutcome.AlreadyStarted, Assert.Single(lateFires).Outcome);
            var after = await _host.Durable.GetInstanceAsync(early.InstanceId);
            Assert.Equal((finished.CreatedAt, OrchestrationRuntimeStatus.Completed), (after!.CreatedAt, after.RuntimeStatus));
        }

        Assert.Equal(10, (await ListAsync("schedule-raced-")).Count);
    }

    [Theory]
    [InlineData("skip", 0)]
    [InlineData("runOnce", 1)]
    [InlineData("runAll", 3)]
    public async Task Tick_AfterDowntime_AppliesMissedRunPolicy(string policy, int expected)
    {
        await PutAsync("catch", new { workflow = "echo-flow", cron = "0 0 * * * *", missedRuns = policy, maxCatchUp = 3, input = new { text = "late" } });
        _host.Time.Advance(TimeSpan.FromHours(5.5));

        var fires = await TickAsync();

        Assert.Equal(expected, fires.Count(f => f.Outcome == ScheduleFireOutcome.Started));
        var ids = await ListAsync("schedule-catch-");
        Assert.Equal(expected, ids.Count);
        if (expected > 0)
        {
            Assert.Contains("schedule-catch-20260328T170000Z", ids);
        }

        var schedule = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/schedules/catch"));
        Assert.Equal("2026-03-28T18:00:00.0000000Z", (string?)schedule["nextFireTimes"]![0]);
    }

    [Fact]
    public async Task Tick_OverlapSkip_StartsNothingWhilePreviousRuns()
    {
        await PutAsync("waiter", new { workflow = "wait-flow", cron = "0 0 * * * *" });
        _host.Time.Advance(TimeSpan.FromHours(1));
        await TickAsync();
        _host.Time.Advance(TimeSpan.FromHours(1));

        var second = await TickAsync();

        Assert.Equal(ScheduleFireOutcome.SkippedOverlap, Assert.Single(second).Outcome);
        Assert.Single(await ListAsync("schedule-waiter-"));
    }

    [Fact]
    public async Task Tick_OverlapTerminatePrevious_TerminatesThenStarts()
    {
        await PutAsync("replacer", new { workflow = "wait-flow", cron = "0 0 * * * *", overlap = "terminatePrevious" });
        _host.Time.Advance(TimeSpan.FromHours(1));
        var first = Assert.Single(await TickAsync());
        await _host.WaitForStartedAsync(first.InstanceId);
        _host.Time.Advance(TimeSpan.FromHours(1));

        var second = Assert.Single(await TickAsync());

        Assert.Equal(ScheduleFireOutcome.StartedAfterTerminating, second.Outcome);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await _host.WaitForCompletionAsync(first.InstanceId)).RuntimeStatus);
        Assert.NotNull(await _host.Durable.GetInstanceAsync(second.InstanceId));
        var trail = await TestHost.ReadJsonAsync(await _host.Client.GetAsync($"/api/instances/{first.InstanceId}/audit"));
        var terminated = Assert.Single(trail["entries"]!.AsArray(), e => (string?)e!["eventType"] == "WorkflowTerminated")!;
        Assert.Equal("schedule:replacer", (string?)terminated["actor"]);
    }

    [Fact]
    public async Task Tick_DstSpringForwardInBerlin_FiresAfterTheGap()
    {
        var body = await TestHost.ReadJsonAsync(await PutAsync("berlin", new { workflow = "echo-flow", cron = "0 30 2 * * *", timeZone = "Europe/Berlin", input = new { text = "dst" } }));
        Assert.Equal("2026-03-29T01:30:00.0000000Z", (string?)body["nextFireTimes"]![0]);
        Assert.Equal("2026-03-30T00:30:00.0000000Z", (string?)body["nextFireTimes"]![1]);

        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 1, 30, 5, TimeSpan.Zero));
        var fires = await TickAsync();

        Assert.Equal("schedule-berlin-20260329T013000Z", Assert.Single(fires).InstanceId);
    }

    [Fact]
    public async Task PauseAndResume_PausedTicksStartNothing()
    {
        await PutAsync("p", new { workflow = "echo-flow", cron = "0 0 * * * *", input = new { text = "p" } });
        Assert.True((bool)(await TestHost.ReadJsonAsync(await _host.Client.PostAsync("/api/schedules/p/pause", null)))["paused"]!);
        _host.Time.Advance(TimeSpan.FromHours(2));

        Assert.Empty(await TickAsync());
        var resumed = await TestHost.ReadJsonAsync(await _host.Client.PostAsync("/api/schedules/p/resume", null));

        Assert.False((bool)resumed["paused"]!);
        Assert.Equal("2026-03-28T15:00:00.0000000Z", (string?)resumed["nextFireTimes"]![0]);
        Assert.Empty(await TickAsync());
    }

    [Fact]
    public async Task Delete_Existing_Returns204ThenGone()
    {
        await PutAsync("gone", new { workflow = "echo-flow", cron = "0 0 * * * *", input = new { text = "x" } });

        Assert.Equal(HttpStatusCode.NoContent, (await _host.Client.DeleteAsync("/api/schedules/gone")).StatusCode);

        await TestHost.ReadProblemAsync(await _host.Client.GetAsync("/api/schedules/gone"), 404);
        await TestHost.ReadProblemAsync(await _host.Client.DeleteAsync("/api/schedules/gone"), 404);
        await TestHost.ReadProblemAsync(await _host.Client.PostAsync("/api/schedules/gone/pause", null), 404);
    }

    [Theory]
    [InlineData("{\"workflow\":\"echo-flow\",\"cron\":\"0 0 * * *\"}", "cron")]
    [InlineData("{\"workflow\":\"echo-flow\",\"cron\":\"0 0 * * * *\",\"timeZone\":\"Nowhere/City\"}", "timeZone")]
    [InlineData("{\"workflow\":\"unpublished\",\"cron\":\"0 0 * * * *\"}", "workflow")]
    [InlineData("{\"workflow\":\"echo-flow\",\"cron\":\"0 0 * * * *\",\"overlap\":\"sometimes\"}", "overlap")]
    [InlineData("{\"workflow\":\"echo-flow\",\"cron\":\"0 0 * * * *\",\"maxCatchUp\":0}", "maxCatchUp")]
    [InlineData("{\"workflow\":\"echo-flow\",\"cron\":\"0 0 * * * *\",\"extra\":1}", "extra")]
    public async Task Put_BadBody_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var response = await _host.Client.PutAsync("/api/schedules/bad", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await TestHost.ReadProblemAsync(response, 400);
        Assert.Contains(field, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Empty((await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/schedules"))).AsArray());
    }

    [Fact]
    public async Task Put_BadId_Returns400()
    {
        await TestHost.ReadProblemAsync(await PutAsync("bad%20id", new { workflow = "echo-flow", cron = "0 0 * * * *" }), 400);
    }

    private Task<HttpResponseMessage> PutAsync(string id, object body) => _host.Client.PutAsJsonAsync($"/api/schedules/{id}", body);

    private Task<IReadOnlyList<ScheduleFire>> TickAsync() => _host.Get<ScheduleTick>().RunAsync(_host.Time, _host.Durable, CancellationToken.None);

    private async Task<List<string>> ListAsync(string prefix)
    {
        var list = await TestHost.ReadJsonAsync(await _host.Client.GetAsync($"/runtime/webhooks/durabletask/instances?instanceIdPrefix={prefix}"));
        return list.AsArray().Select(i => (string)i!["instanceId"]!).Order().ToList();
    }
}
