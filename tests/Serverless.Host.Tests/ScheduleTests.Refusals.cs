using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Schedules;

namespace Serverless.Host.Tests;

/// <summary>A schedule the API refuses is never stored, and a bad stored row never breaks the routes that read it.</summary>
public sealed partial class ScheduleTests
{
    [Theory]
    [InlineData("0 0 0 30 2 *", false, "never fires")]
    [InlineData("0 0 0 31 4 *", true, "never fires")]
    [InlineData("*/0 * * * * *", false, "second field's step in '*/0'")]
    [InlineData("1/0 * * * * *", true, "second field's step in '1/0'")]
    [InlineData("0 */60 * * * *", false, "minute field's step in '*/60'")]
    [InlineData("0 0 1-5/24 * * *", false, "hour field's step in '1-5/24'")]
    [InlineData("0 0 0 */x * *", false, "day field's step in '*/x'")]
    public async Task Put_CronRefused_Returns400LocatedAndStoresNothing(string cron, bool paused, string located)
    {
        var response = await PutAsync("refused", new { workflow = "echo-flow", cron, paused, input = new { text = "x" } });

        var problem = await TestHost.ReadProblemAsync(response, 400);
        Assert.Contains("Field 'cron'", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains(located, (string?)problem["detail"], StringComparison.Ordinal);
        var list = await _host.Client.GetAsync("/api/schedules");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty((await TestHost.ReadJsonAsync(list)).AsArray());
        await TestHost.ReadProblemAsync(await _host.Client.PostAsync("/api/schedules/refused/resume", null), 404);
    }

    [Fact]
    public async Task List_StoredRowThatNeverFires_Answers200AndResumeRefusesIt()
    {
        await PutAsync("good", new { workflow = "echo-flow", cron = "0 0 * * * *", input = new { text = "ok" } });
        var store = _host.Get<ScheduleStore>();
        var legacy = new ScheduleSpec { Id = "legacy", Workflow = "echo-flow", Cron = "0 0 0 30 2 *", Paused = true, NextFireAt = DateTimeOffset.MaxValue };
        await store.PutAsync(legacy);

        var list = await _host.Client.GetAsync("/api/schedules");
        var one = await _host.Client.GetAsync("/api/schedules/legacy");
        var resume = await _host.Client.PostAsync("/api/schedules/legacy/resume", null);
        var fires = await TickAsync();

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var rows = (await TestHost.ReadJsonAsync(list)).AsArray();
        Assert.Equal(["good", "legacy"], rows.Select(r => (string?)r!["id"]).Order());
        Assert.Contains("never fires", (string?)(await TestHost.ReadJsonAsync(one))["problem"], StringComparison.Ordinal);
        Assert.Contains("cannot resume", (string?)(await TestHost.ReadProblemAsync(resume, 400))["detail"], StringComparison.Ordinal);
        Assert.True((await store.GetAsync("legacy"))!.Value.Schedule.Paused);
        Assert.Empty(fires);
    }

    [Fact]
    public async Task Put_InputNotFittingTheSchema_Returns400WithTheStartsErrorsAndStoresNothing()
    {
        var input = new JsonObject { ["text"] = 5, ["extra"] = true };
        var start = await _host.Client.PostAsJsonAsync("/api/workflows/echo-flow/instances/schema-check", input);
        var startProblem = await TestHost.ReadProblemAsync(start, 400);

        var put = await PutAsync("typed", new { workflow = "echo-flow", cron = "0 0 * * * *", input });
        var missing = await PutAsync("untyped", new { workflow = "echo-flow", cron = "0 0 * * * *" });

        var problem = await TestHost.ReadProblemAsync(put, 400);
        Assert.StartsWith("Field 'input': ", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(startProblem["errors"]!.ToJsonString(), problem["errors"]!.ToJsonString());
        Assert.StartsWith("Field 'input': Input must be a JSON object", (string?)(await TestHost.ReadProblemAsync(missing, 400))["detail"], StringComparison.Ordinal);
        Assert.Empty((await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/schedules"))).AsArray());
    }
}
