using System.Net;
using Serverless.Api.Retention;
using Serverless.Audit;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed class RetentionTests : IAsyncLifetime
{
    private readonly TestHost _host = new(settings: new Dictionary<string, string?> { ["DefaultRetention"] = "10.00:00:00", ["AuditRetention"] = "20.00:00:00" });

    public async Task InitializeAsync()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);
        await _host.PublishOkAsync(TestWorkflows.Retained);
        await _host.PublishOkAsync(TestWorkflows.Wait);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sweep_PastPerWorkflowAndDefaultRetention_PurgesFinishedOnlyAndAuditsIt()
    {
        var shortLived = (string)(await _host.StartAsync("short-lived", null))["id"]!;
        var normal = (string)(await _host.StartAsync("echo-flow", new { text = "keep" }))["id"]!;
        var running = (string)(await _host.StartAsync("wait-flow", null))["id"]!;
        await _host.WaitForCompletionAsync(shortLived);
        await _host.WaitForCompletionAsync(normal);

        _host.Time.Advance(TimeSpan.FromDays(2));
        var first = await SweepAsync();

        Assert.Equal([shortLived], first.PurgedInstanceIds);
        Assert.Null(await _host.Durable.GetInstanceAsync(shortLived));
        Assert.NotNull(await _host.Durable.GetInstanceAsync(normal));
        var system = new List<AuditRecord>();
        await foreach (var record in _host.Get<AuditTrail>().ReadTrailAsync("$system"))
        {
            system.Add(record);
        }

        Assert.Contains(system, r => r.Entry.EventType == "InstancesPurged" && r.Entry.DetailsJson!.Contains(shortLived, StringComparison.Ordinal));

        _host.Time.Advance(TimeSpan.FromDays(9));
        var second = await SweepAsync();

        Assert.Equal([normal], second.PurgedInstanceIds);
        Assert.NotNull(await _host.Durable.GetInstanceAsync(running));
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync($"/api/instances/{normal}/audit")).StatusCode);

        _host.Time.Advance(TimeSpan.FromDays(10));
        var third = await SweepAsync();

        Assert.True(third.Audit.RowsDeleted > 0);
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync($"/api/instances/{normal}/audit"), 404);
    }

    private Task<RetentionSweepResult> SweepAsync() => _host.Get<RetentionSweep>().RunAsync(_host.Time, _host.Durable, CancellationToken.None);
}
