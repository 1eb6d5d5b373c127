using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Telemetry;

namespace Serverless.Host.Tests;

/// <summary>Webhook triggers over HTTP on the real host: rules, starts, retries, counts, audit.</summary>
public sealed partial class TriggerTests : IAsyncLifetime
{
    private const string Secret = "shop-signing-secret-3f9a2c71d0";
    private const string KeySecret = "shop-plain-key-8b21e4ffa0c9";
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly TestHost _host = new(Start, new Dictionary<string, string?>
    {
        ["Secrets:SHOP_SECRET"] = Secret,
        ["Secrets:SHOP_KEY"] = KeySecret,
    });

    private static object TwoRuleShop => new
    {
        description = "Shop events",
        auth = new { mode = "signature", secret = "SHOP_SECRET" },
        rules = new object[]
        {
            new { id = "echo-paid", when = "body.status == 'paid'", start = new { workflow = "echo-flow", input = new { text = "order {{body.order}}" }, instanceId = "echo-{{body.order}}" } },
            new { id = "wait-paid", when = "body.status == 'paid' && headers['x-shop'] == 'main'", start = new { workflow = "wait-flow", version = 1, instanceId = "wait-{{body.order}}" } },
            new { id = "refunds", when = "body.status == 'refunded'", start = new { workflow = "echo-flow", input = new { text = "refund" } } },
        },
    };

    public async Task InitializeAsync()
    {
        await _host.PublishOkAsync(TestWorkflows.Echo);
        await _host.PublishOkAsync(TestWorkflows.Wait);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Deliver_OneEventMatchingTwoRules_StartsBothAndAnswersEveryRule()
    {
        await PutOkAsync("shop", TwoRuleShop);
        var measured = new List<(string Instrument, long Value, string Tags)>();
        using var listener = Listen(measured, "shop");

        var response = await DeliverAsync("shop", """{"status":"paid","order":"o-1"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var rules = (await TestHost.ReadJsonAsync(response))["rules"]!.AsArray();
        Assert.Equal(["echo-paid:started:echo-o-1", "wait-paid:started:wait-o-1", "refunds:notMatched:"],
            rules.Select(r => $"{r!["id"]}:{r["outcome"]}:{r["instanceId"]}"));
        Assert.Equal([true, true, false], rules.Select(r => (bool)r!["matched"]!));
        var echo = await _host.WaitForCompletionAsync("echo-o-1");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, echo.RuntimeStatus);
        Assert.Contains("order o-1", echo.SerializedOutput, StringComparison.Ordinal);
        await _host.WaitForStartedAsync("wait-o-1");
        Assert.Contains(measured, m => m.Instrument == "serverless.trigger.rules" && m.Tags.Contains("serverless.outcome=started", StringComparison.Ordinal) && m.Tags.Contains("serverless.trigger.rule=wait-paid", StringComparison.Ordinal));
        Assert.Contains(measured, m => m.Instrument == "serverless.trigger.rules" && m.Tags.Contains("serverless.outcome=notMatched", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deliver_SameDeliveryConcurrentlyAndRetried_StartsEachInstanceOnce()
    {
        await PutOkAsync("shop", TwoRuleShop);
        const string Event = """{"status":"paid","order":"o-2"}""";

        var concurrent = await Task.WhenAll(DeliverAsync("shop", Event), DeliverAsync("shop", Event), DeliverAsync("shop", Event));
        var retry = await DeliverAsync("shop", Event);

        var outcomes = new List<string>();
        foreach (var response in concurrent.Append(retry))
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, response.StatusCode.ToString());
            outcomes.AddRange((await TestHost.ReadJsonAsync(response))["rules"]!.AsArray().Select(r => $"{r!["id"]}:{r["outcome"]}"));
        }

        Assert.Equal(1, outcomes.Count(o => o == "echo-paid:started"));
        Assert.Equal(1, outcomes.Count(o => o == "wait-paid:started"));
        Assert.Equal(6, outcomes.Count(o => o.EndsWith(":alreadyStarted", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(["echo-o-2", "wait-o-2"], await InstanceIdsAsync());
        var counts = (await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/triggers/shop")))["counts"]!;
        Assert.Equal((4L, 8L, 4L, 2L, 6L, 0L), ((long)counts["deliveries"]!, (long)counts["matched"]!, (long)counts["notMatched"]!, (long)counts["started"]!, (long)counts["alreadyStarted"]!, (long)counts["refused"]!));
    }

    [Fact]
    public async Task Deliver_MatchedRules_AuditedInTheTriggersTrailAndTheInstanceShowsItsTrigger()
    {
        await PutOkAsync("shop", TwoRuleShop);

        await DeliverAsync("shop", """{"status":"paid","order":"o-3"}""", correlationId: "delivery-77");
        await _host.WaitForCompletionAsync("echo-o-3");

        var trail = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/instances/~trigger.shop/audit"));
        Assert.True((bool)trail["verification"]!["intact"]!);
        Assert.Equal(["TriggerFired:echo-paid:started:echo-o-3", "TriggerFired:wait-paid:started:wait-o-3", "TriggerNotMatched:refunds:notMatched:"],
            trail["entries"]!.AsArray().Select(e => $"{e!["eventType"]}:{e["step"]}:{e["details"]!["outcome"]}:{e["details"]!["instanceId"]}"));
        Assert.All(trail["entries"]!.AsArray(), e => Assert.Equal("delivery-77", (string?)e!["correlationId"]));
        var instanceTrail = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/instances/echo-o-3/audit"));
        var started = instanceTrail["entries"]!.AsArray().First(e => (string?)e!["eventType"] == "WorkflowStarted")!;
        Assert.Equal("trigger:shop/echo-paid", (string?)started["actor"]);
        Assert.Equal("delivery-77", (string?)started["correlationId"]);
    }

    [Fact]
    public async Task Deliver_RuleThatCannotStart_FailsAsDataWhileTheOtherRuleStarts()
    {
        await PutOkAsync("typed", new
        {
            auth = new { mode = "signature", secret = "SHOP_SECRET" },
            rules = new object[]
            {
                new { id = "bad-input", start = new { workflow = "echo-flow", input = new { text = "{{body.count}}" } } },
                new { id = "bad-id", start = new { workflow = "echo-flow", input = new { text = "x" }, instanceId = "{{body.missing}}" } },
                new { id = "good", start = new { workflow = "echo-flow", input = new { text = "{{body.name}}" }, instanceId = "typed-{{body.name}}" } },
            },
        });

        var response = await DeliverAsync("typed", """{"count":5,"name":"n1"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var rules = (await TestHost.ReadJsonAsync(response))["rules"]!.AsArray();
        Assert.Equal(["failed", "failed", "started"], rules.Select(r => (string?)r!["outcome"]));
        Assert.Equal(400, (int)rules[0]!["error"]!["status"]!);
        Assert.Contains("instance id", (string?)rules[1]!["error"]!["detail"], StringComparison.Ordinal);
        Assert.Equal("typed-n1", (string?)rules[2]!["instanceId"]);
    }

    [Fact]
    public async Task Deliver_KeyMode_RightKeyStartsWrongKeyIsRefused()
    {
        await PutOkAsync("keyed", new
        {
            auth = new { mode = "key", secret = "SHOP_KEY" },
            rules = new[] { new { id = "all", start = new { workflow = "echo-flow", instanceId = "keyed-{{body.text}}" } } },
        });

        var right = await HookClient.SendAsync(_host.Anonymous, "keyed", """{"text":"k1"}"""u8.ToArray(), ("x-trigger-key", KeySecret));
        var wrong = await HookClient.SendAsync(_host.Anonymous, "keyed", """{"text":"k2"}"""u8.ToArray(), ("x-trigger-key", KeySecret + "x"));

        Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
        Assert.Equal("badKey", (string?)(await TestHost.ReadProblemAsync(wrong, 403))["reason"]);
        Assert.Equal("Completed", (await _host.WaitForCompletionAsync("keyed-k1")).RuntimeStatus.ToString());
        Assert.Null(await _host.Durable.GetInstanceAsync("keyed-k2"));
    }

    [Fact]
    public async Task Deliver_TimestampedSignature_FreshAcceptedStaleRefused()
    {
        await PutOkAsync("stamped", new
        {
            auth = new { mode = "timestampedSignature", secret = "SHOP_SECRET", toleranceSeconds = 300 },
            rules = new[] { new { id = "all", start = new { workflow = "echo-flow", instanceId = "stamped-{{body.text}}" } } },
        });
        var fresh = """{"text":"fresh"}"""u8.ToArray();
        var stale = """{"text":"stale"}"""u8.ToArray();

        var accepted = await HookClient.SendAsync(_host.Anonymous, "stamped", fresh, ("Stripe-Signature", Serverless.Triggers.TriggerSignature.SignTimestamped(Secret, fresh, Start.AddSeconds(-20))));
        var replayed = await HookClient.SendAsync(_host.Anonymous, "stamped", stale, ("Stripe-Signature", Serverless.Triggers.TriggerSignature.SignTimestamped(Secret, stale, Start.AddMinutes(-6))));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("staleTimestamp", (string?)(await TestHost.ReadProblemAsync(replayed, 403))["reason"]);
        Assert.Null(await _host.Durable.GetInstanceAsync("stamped-stale"));
    }

    [Fact]
    public async Task Triggers_PutGetListPauseResumeDelete_ManageTheTrigger()
    {
        var created = await PutAsync("shop", TwoRuleShop);
        var replaced = await PutAsync("shop", TwoRuleShop);
        var list = (await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/triggers"))).AsArray();
        var paused = await TestHost.ReadJsonAsync(await _host.Client.PostAsync("/api/triggers/shop/pause", null));
        var whilePaused = await DeliverAsync("shop", """{"status":"paid","order":"p-1"}""");
        var resumed = await TestHost.ReadJsonAsync(await _host.Client.PostAsync("/api/triggers/shop/resume", null));
        var afterResume = await DeliverAsync("shop", """{"status":"paid","order":"p-2"}""");
        var deleted = await _host.Client.DeleteAsync("/api/triggers/shop");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var shop = Assert.Single(list)!;
        Assert.Equal("SHOP_SECRET", (string?)shop["auth"]!["secret"]);
        Assert.EndsWith("/api/hooks/shop", (string?)shop["hookUrl"], StringComparison.Ordinal);
        Assert.Equal((true, false), ((bool)paused["paused"]!, (bool)resumed["paused"]!));
        Assert.Equal("paused", (string?)(await TestHost.ReadProblemAsync(whilePaused, 409))["reason"]);
        Assert.Null(await _host.Durable.GetInstanceAsync("echo-p-1"));
        Assert.Equal(HttpStatusCode.Accepted, afterResume.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync("/api/triggers/shop"), 404);
        await TestHost.ReadProblemAsync(await DeliverAsync("shop", """{"status":"paid","order":"p-3"}"""), 404);
    }

    private async Task<HttpResponseMessage> PutAsync(string name, object trigger) => await _host.Client.PutAsJsonAsync($"/api/triggers/{name}", trigger);

    private async Task PutOkAsync(string name, object trigger)
    {
        var response = await PutAsync(name, trigger);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> DeliverAsync(string trigger, string json, string? correlationId = null)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/{trigger}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", Serverless.Triggers.TriggerSignature.Sign(Secret, body));
        request.Headers.Add("x-shop", "main");
        if (correlationId is not null)
        {
            request.Headers.Add("x-correlation-id", correlationId);
        }

        return await _host.Anonymous.SendAsync(request);
    }

    private async Task<List<string>> InstanceIdsAsync()
    {
        var ids = new List<string>();
        await foreach (var instance in _host.Durable.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            ids.Add(instance.InstanceId);
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    private static MeterListener Listen(List<(string Instrument, long Value, string Tags)> measured, string trigger)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ServerlessTelemetry.Name && instrument.Name.StartsWith("serverless.trigger.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            if (text.Contains($"{TelemetryAttributes.Trigger}={trigger}", StringComparison.Ordinal))
            {
                lock (measured)
                {
                    measured.Add((instrument.Name, value, text));
                }
            }
        });
        listener.Start();
        return listener;
    }
}
