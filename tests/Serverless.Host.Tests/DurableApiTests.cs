using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Api.Workflows;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed class DurableApiTests : IAsyncLifetime
{
    private const string Base = "/runtime/webhooks/durabletask";
    private readonly TestHost _host = new();

    public async Task InitializeAsync()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);
        await _host.PublishOkAsync(TestWorkflows.Wait);
        await _host.PublishOkAsync(TestWorkflows.Failing);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Start_BuiltInRoute_Returns202WithManagementPayloadAndRuns()
    {
        var input = await _host.Get<WorkflowStarter>().PrepareAsync("echo-flow", null, System.Text.Json.JsonDocument.Parse("{\"text\":\"hi\"}").RootElement, "test", null, default);

        var response = await _host.Client.PostAsJsonAsync($"{Base}/orchestrators/RunWorkflow/direct-1", input);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = await TestHost.ReadJsonAsync(response);
        Assert.Equal("direct-1", (string?)payload["id"]);
        foreach (var field in new[] { "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "suspendPostUri", "resumePostUri", "purgeHistoryDeleteUri" })
        {
            Assert.Contains("/runtime/webhooks/durabletask/instances/direct-1", (string?)payload[field], StringComparison.Ordinal);
        }

        Assert.Equal((string?)payload["statusQueryGetUri"], response.Headers.Location?.ToString());
        Assert.Equal("Completed", (await _host.WaitForCompletionAsync("direct-1")).RuntimeStatus.ToString());
    }

    [Fact]
    public async Task Start_UnknownFunction_Returns400()
    {
        var response = await _host.Client.PostAsync($"{Base}/orchestrators/NoSuchOrchestrator", null);

        await TestHost.ReadProblemAsync(response, 400);
    }

    [Fact]
    public async Task GetStatus_Completed_Returns200WithDocumentedFields()
    {
        var id = (string)(await _host.StartAsync("echo-flow", new { text = "hello" }))["id"]!;
        await _host.WaitForCompletionAsync(id);

        var response = await _host.Client.GetAsync($"{Base}/instances/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await TestHost.ReadJsonAsync(response);
        Assert.Equal("RunWorkflow", (string?)status["name"]);
        Assert.Equal(id, (string?)status["instanceId"]);
        Assert.Equal("Completed", (string?)status["runtimeStatus"]);
        Assert.Equal("hello", (string?)status["input"]!["text"]);
        Assert.Equal("completed", (string?)status["customStatus"]!["phase"]);
        Assert.Equal("hello", (string?)status["output"]!["output"]!["text"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", (string?)status["createdTime"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", (string?)status["lastUpdatedTime"]);
        Assert.Null(status["historyEvents"]);
    }

    [Fact]
    public async Task GetStatus_ShowHistoryWithOutputs_ListsEventsWithResults()
    {
        var id = (string)(await _host.StartAsync("echo-flow", new { text = "hello" }))["id"]!;
        await _host.WaitForCompletionAsync(id);

        var withOutputs = await TestHost.ReadJsonAsync(await _host.Client.GetAsync($"{Base}/instances/{id}?showHistory=true&showHistoryOutput=true&showInput=false"));
        var withoutOutputs = await TestHost.ReadJsonAsync(await _host.Client.GetAsync($"{Base}/instances/{id}?showHistory=true"));

        Assert.Null(withOutputs["input"]);
        var events = withOutputs["historyEvents"]!.AsArray();
        Assert.Equal("ExecutionStarted", (string?)events[0]!["EventType"]);
        var echo = events.Single(e => (string?)e!["FunctionName"] == "echo")!;
        Assert.Equal("TaskCompleted", (string?)echo["EventType"]);
        Assert.Equal("hello", (string?)echo["Result"]!["text"]);
        Assert.Equal("Completed", (string?)events[^1]!["OrchestrationStatus"]);
        Assert.Null(withoutOutputs["historyEvents"]!.AsArray().Single(e => (string?)e!["FunctionName"] == "echo")!["Result"]);
    }

    [Fact]
    public async Task GetStatus_Running_Returns202WithLocation()
    {
        var id = (string)(await _host.StartAsync("wait-flow", null))["id"]!;
        await _host.WaitForStartedAsync(id);

        var response = await _host.Client.GetAsync($"{Base}/instances/{id}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains($"/instances/{id}", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains((string?)(await TestHost.ReadJsonAsync(response))["runtimeStatus"], new[] { "Running", "Pending" });
    }

    [Fact]
    public async Task GetStatus_Failed_Returns400Or500OnRequest()
    {
        var id = (string)(await _host.StartAsync("fail-flow", null))["id"]!;
        await _host.WaitForCompletionAsync(id);

        var plain = await _host.Client.GetAsync($"{Base}/instances/{id}");
        var serverError = await _host.Client.GetAsync($"{Base}/instances/{id}?returnInternalServerErrorOnFailure=true");

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        var body = await TestHost.ReadJsonAsync(plain);
        Assert.Equal("Failed", (string?)body["runtimeStatus"]);
        Assert.Contains("planned failure", body["output"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, serverError.StatusCode);
    }

    [Fact]
    public async Task GetStatus_UnknownInstance_Returns404()
    {
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync($"{Base}/instances/nobody"), 404);
    }

    [Fact]
    public async Task GetStatus_BadFlag_Returns400()
    {
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync($"{Base}/instances/x?showHistory=maybe"), 400);
    }

    [Fact]
    public async Task RaiseEvent_WaitingInstance_Returns202AndCompletesIt()
    {
        var id = (string)(await _host.StartAsync("wait-flow", null))["id"]!;
        await _host.WaitForStartedAsync(id);

        var response = await _host.Client.PostAsJsonAsync($"{Base}/instances/{id}/raiseEvent/go", new { ok = true });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Completed", (await _host.WaitForCompletionAsync(id)).RuntimeStatus.ToString());
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_Returns410()
    {
        var id = (string)(await _host.StartAsync("echo-flow", new { text = "x" }))["id"]!;
        await _host.WaitForCompletionAsync(id);

        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync($"{Base}/instances/{id}/raiseEvent/go", 1), 410);
    }

    [Fact]
    public async Task RaiseEvent_MalformedJson_Returns400AndDeliversNothing()
    {
        var id = (string)(await _host.StartAsync("wait-flow", null))["id"]!;
        await _host.WaitForStartedAsync(id);

        var response = await _host.Client.PostAsync($"{Base}/instances/{id}/raiseEvent/go", new StringContent("{oops", Encoding.UTF8, "application/json"));

        await TestHost.ReadProblemAsync(response, 400);
        var history = await _host.Runtime.GetHistoryAsync(id);
        Assert.DoesNotContain(history, e => e is Serverless.Runtime.History.EventRaised);
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_Returns404()
    {
        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync($"{Base}/instances/ghost/raiseEvent/go", 1), 404);
    }

    [Fact]
    public async Task SuspendResumeTerminate_RunningInstance_FollowDocumentedCodes()
    {
        var id = (string)(await _host.StartAsync("wait-flow", null))["id"]!;
        await _host.WaitForStartedAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.PostAsync($"{Base}/instances/{id}/suspend?reason=pause", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.PostAsync($"{Base}/instances/{id}/resume?reason=go", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.PostAsync($"{Base}/instances/{id}/terminate?reason=enough", null)).StatusCode);
        var done = await _host.WaitForCompletionAsync(id);

        Assert.Equal("Terminated", done.RuntimeStatus.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.GetAsync($"{Base}/instances/{id}")).StatusCode);
        await TestHost.ReadProblemAsync(await _host.Client.PostAsync($"{Base}/instances/{id}/terminate", null), 410);
        await TestHost.ReadProblemAsync(await _host.Client.PostAsync($"{Base}/instances/{id}/suspend", null), 410);
        await TestHost.ReadProblemAsync(await _host.Client.PostAsync($"{Base}/instances/ghost/resume", null), 404);
    }

    [Fact]
    public async Task Terminate_WorkflowInstance_AuditsWhoTerminatedItOnceAndTheChainVerifies()
    {
        var id = (string)(await _host.StartAsync("wait-flow", null))["id"]!;
        await _host.WaitForActivityAsync(id, "recordWorkflowEvents"); // the events before the wait are in the trail
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/instances/{id}/terminate?reason=duplicate%20order");
        request.Headers.Add("x-ms-client-principal-name", "operator@example.test");

        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.SendAsync(request)).StatusCode);
        await _host.WaitForCompletionAsync(id);
        await TestHost.ReadProblemAsync(await _host.Client.PostAsync($"{Base}/instances/{id}/terminate", null), 410);

        var trail = await TestHost.ReadJsonAsync(await _host.Client.GetAsync($"/api/instances/{id}/audit"));
        var entries = trail["entries"]!.AsArray();
        var terminated = Assert.Single(entries, e => (string?)e!["eventType"] == "WorkflowTerminated")!;
        Assert.Equal("operator@example.test", (string?)terminated["actor"]);
        Assert.Equal("duplicate order", (string?)terminated["details"]!["reason"]);
        Assert.Contains(entries, e => (string?)e!["eventType"] == "WorkflowStarted");
        Assert.True((bool)trail["verification"]!["intact"]!);
    }

    [Fact]
    public async Task Rewind_FailedInstance_Returns501AndCompletedReturns412()
    {
        var failed = (string)(await _host.StartAsync("fail-flow", null))["id"]!;
        var completed = (string)(await _host.StartAsync("echo-flow", new { text = "x" }))["id"]!;
        await _host.WaitForCompletionAsync(failed);
        await _host.WaitForCompletionAsync(completed);

        await TestHost.ReadProblemAsync(await _host.Client.PostAsync($"{Base}/instances/{failed}/rewind?reason=retry", null), 501);
        await TestHost.ReadProblemAsync(await _host.Client.PostAsync($"{Base}/instances/{completed}/rewind", null), 412);
    }

    [Fact]
    public async Task Restart_CompletedInstance_Returns202AndRunsAgainUnderNewId()
    {
        var id = (string)(await _host.StartAsync("echo-flow", new { text = "again" }))["id"]!;
        await _host.WaitForCompletionAsync(id);

        var response = await _host.Client.PostAsync($"{Base}/instances/{id}/restart?restartWithNewInstanceId=true", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var newId = (string)(await TestHost.ReadJsonAsync(response))["id"]!;
        Assert.NotEqual(id, newId);
        Assert.Equal("Completed", (await _host.WaitForCompletionAsync(newId)).RuntimeStatus.ToString());
    }

    [Fact]
    public async Task Restart_RunningInstance_Returns409()
    {
        var id = (string)(await _host.StartAsync("wait-flow", null))["id"]!;

        await TestHost.ReadProblemAsync(await _host.Client.PostAsync($"{Base}/instances/{id}/restart", null), 409);
    }

    [Fact]
    public async Task List_TopAndContinuationHeader_PageThroughEveryInstance()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((string)(await _host.StartAsync("echo-flow", new { text = "n" }, $"page-{i}"))["id"]!);
        }

        foreach (var id in ids)
        {
            await _host.WaitForCompletionAsync(id);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/instances?top=2&instanceIdPrefix=page-&runtimeStatus=Completed,Failed");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            var response = await _host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await TestHost.ReadJsonAsync(response)).AsArray();
            Assert.True(page.Count <= 2);
            Assert.All(page, p => Assert.Null(p!["input"]));
            seen.AddRange(page.Select(p => (string)p!["instanceId"]!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task List_CreatedTimeFilterAndShowInput_Apply()
    {
        var id = (string)(await _host.StartAsync("echo-flow", new { text = "in" }))["id"]!;
        await _host.WaitForCompletionAsync(id);

        var future = await TestHost.ReadJsonAsync(await _host.Client.GetAsync($"{Base}/instances?createdTimeFrom={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}"));
        var all = await TestHost.ReadJsonAsync(await _host.Client.GetAsync($"{Base}/instances?showInput=true"));

        Assert.Empty(future.AsArray());
        Assert.Equal("in", (string?)all.AsArray().Single(i => (string?)i!["instanceId"] == id)!["input"]!["text"]);
    }

    [Theory]
    [InlineData("runtimeStatus=Sleeping")]
    [InlineData("top=0")]
    [InlineData("top=abc")]
    [InlineData("createdTimeFrom=yesterday")]
    public async Task List_BadQuery_Returns400(string query)
    {
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync($"{Base}/instances?{query}"), 400);
    }

    [Fact]
    public async Task List_ForgedContinuationToken_Returns400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/instances?top=1");
        request.Headers.Add("x-ms-continuation-token", "not-a-token");

        await TestHost.ReadProblemAsync(await _host.Client.SendAsync(request), 400);
    }

    [Fact]
    public async Task PurgeOne_Finished_Returns200ThenIsGone()
    {
        var id = (string)(await _host.StartAsync("echo-flow", new { text = "x" }))["id"]!;
        await _host.WaitForCompletionAsync(id);

        var response = await _host.Client.DeleteAsync($"{Base}/instances/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await TestHost.ReadJsonAsync(response))["instancesDeleted"]!);
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync($"{Base}/instances/{id}"), 404);
        await TestHost.ReadProblemAsync(await _host.Client.DeleteAsync($"{Base}/instances/{id}"), 404);
    }

    [Fact]
    public async Task PurgeOne_Running_Returns409AndKeepsIt()
    {
        var id = (string)(await _host.StartAsync("wait-flow", null))["id"]!;

        await TestHost.ReadProblemAsync(await _host.Client.DeleteAsync($"{Base}/instances/{id}"), 409);
        Assert.NotNull(await _host.Durable.GetInstanceAsync(id));
    }

    [Fact]
    public async Task PurgeByFilter_RemovesMatchingFinishedOnlyThen404()
    {
        var done = (string)(await _host.StartAsync("echo-flow", new { text = "x" }))["id"]!;
        var failed = (string)(await _host.StartAsync("fail-flow", null))["id"]!;
        var running = (string)(await _host.StartAsync("wait-flow", null))["id"]!;
        await _host.WaitForCompletionAsync(done);
        await _host.WaitForCompletionAsync(failed);

        var response = await _host.Client.DeleteAsync($"{Base}/instances?runtimeStatus=Completed&createdTimeFrom=2000-01-01T00:00:00Z");

        Assert.Equal(1, (int)(await TestHost.ReadJsonAsync(response))["instancesDeleted"]!);
        Assert.Null(await _host.Durable.GetInstanceAsync(done));
        Assert.NotNull(await _host.Durable.GetInstanceAsync(failed));
        Assert.NotNull(await _host.Durable.GetInstanceAsync(running));
        await TestHost.ReadProblemAsync(await _host.Client.DeleteAsync($"{Base}/instances?runtimeStatus=Completed&createdTimeFrom=2000-01-01T00:00:00Z"), 404);
    }

    [Fact]
    public async Task PurgeByFilter_WithoutCreatedTimeFrom_Returns400AndPurgesNothing()
    {
        var done = (string)(await _host.StartAsync("echo-flow", new { text = "x" }))["id"]!;
        await _host.WaitForCompletionAsync(done);

        var problem = await TestHost.ReadProblemAsync(await _host.Client.DeleteAsync($"{Base}/instances?runtimeStatus=Completed"), 400);

        Assert.Contains("createdTimeFrom", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.NotNull(await _host.Durable.GetInstanceAsync(done));
    }

    [Fact]
    public async Task Start_WithTimeoutAndCompletesInTime_Returns200WithTheOutput()
    {
        var input = await _host.Get<WorkflowStarter>().PrepareAsync("echo-flow", null, System.Text.Json.JsonDocument.Parse("{\"text\":\"hi\"}").RootElement, null, null, default);

        var response = await _host.Client.PostAsJsonAsync($"{Base}/orchestrators/RunWorkflow/waited-1?timeout=60&pollingInterval=1", input);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("Completed", (await _host.Durable.GetInstanceAsync("waited-1"))!.RuntimeStatus.ToString());
        Assert.Equal((await _host.Durable.GetInstanceAsync("waited-1", true))!.SerializedOutput, body);
        Assert.Contains("\"hi\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithTimeoutStillRunningWhenItElapses_Returns202WithManagementPayload()
    {
        var input = await _host.Get<WorkflowStarter>().PrepareAsync("wait-flow", null, null, null, null, default);
        var pending = _host.Client.PostAsJsonAsync($"{Base}/orchestrators/RunWorkflow/waited-2?timeout=5", input);

        // Time moves only once the instance runs (it then waits for an event), so the answer cannot come while it is Pending.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await WaitForInstanceAsync("waited-2", limit.Token);
        await _host.Durable.WaitForInstanceStartAsync("waited-2", limit.Token);
        while (!pending.IsCompleted)
        {
            limit.Token.ThrowIfCancellationRequested();
            _host.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        var response = await pending;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("waited-2", (string?)(await TestHost.ReadJsonAsync(response))["id"]);
        Assert.Equal("Running", (await _host.Durable.GetInstanceAsync("waited-2"))!.RuntimeStatus.ToString());
    }

    private async Task WaitForInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        // The start request creates the instance on its own thread; wait for the row, not a fixed time.
        while (await _host.Durable.GetInstanceAsync(instanceId, cancellationToken) is null)
        {
            await Task.Yield();
        }
    }

    [Theory]
    [InlineData("timeout=0")]
    [InlineData("timeout=abc")]
    [InlineData("timeout=5&pollingInterval=10")]
    [InlineData("pollingInterval=1")]
    public async Task Start_BadWaitParameters_Returns400AndStartsNothing(string query)
    {
        await TestHost.ReadProblemAsync(await _host.Client.PostAsJsonAsync($"{Base}/orchestrators/SequentialChain/bad-wait?{query}", new { }), 400);

        Assert.Null(await _host.Durable.GetInstanceAsync("bad-wait"));
    }

    [Fact]
    public async Task Keys_MissingOrWrong_Return401AndCodeQueryWorks()
    {
        await TestHost.ReadProblemAsync(await _host.Anonymous.GetAsync($"{Base}/instances"), 401);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"{Base}/instances");
        wrong.Headers.Add("x-functions-key", "nope");
        await TestHost.ReadProblemAsync(await _host.Anonymous.SendAsync(wrong), 401);

        var ok = await _host.Anonymous.GetAsync($"{Base}/instances?code={TestHost.Key}");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
