using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

public sealed partial class TriggerTests
{
    [Fact]
    public async Task Deliver_BadOrMissingSignature_RefusedAuditedCountedAndStartsNothing()
    {
        await PutOkAsync("shop", TwoRuleShop);
        const string Event = """{"status":"paid","order":"evil"}""";

        var missing = await HookClient.PostSignedAsync(_host.Anonymous, "shop", Event, secret: null);
        var wrongSecret = await HookClient.PostSignedAsync(_host.Anonymous, "shop", Event, "not-the-secret");
        var malformed = await HookClient.SendAsync(_host.Anonymous, "shop", System.Text.Encoding.UTF8.GetBytes(Event), ("X-Hub-Signature-256", "sha1=abc"));
        var tampered = await HookClient.SendAsync(_host.Anonymous, "shop", System.Text.Encoding.UTF8.GetBytes(Event.Replace("evil", "evil2", StringComparison.Ordinal)),
            ("X-Hub-Signature-256", Serverless.Triggers.TriggerSignature.Sign(Secret, System.Text.Encoding.UTF8.GetBytes(Event))));
        var withFunctionKeyOnly = await HookClient.SendAsync(_host.Client, "shop", System.Text.Encoding.UTF8.GetBytes(Event), null);

        Assert.Equal("missingCredential", (string?)(await TestHost.ReadProblemAsync(missing, 401))["reason"]);
        Assert.Equal("badSignature", (string?)(await TestHost.ReadProblemAsync(wrongSecret, 403))["reason"]);
        Assert.Equal("malformedSignature", (string?)(await TestHost.ReadProblemAsync(malformed, 401))["reason"]);
        Assert.Equal("badSignature", (string?)(await TestHost.ReadProblemAsync(tampered, 403))["reason"]);
        Assert.Equal("missingCredential", (string?)(await TestHost.ReadProblemAsync(withFunctionKeyOnly, 401))["reason"]);
        Assert.Empty(await InstanceIdsAsync());
        var trail = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/instances/~trigger.shop/audit"));
        Assert.Equal(["missingCredential", "badSignature", "malformedSignature", "badSignature", "missingCredential"],
            trail["entries"]!.AsArray().Select(e => (string?)e!["details"]!["reason"]));
        Assert.All(trail["entries"]!.AsArray(), e => Assert.Equal(("TriggerRefused", "unauthenticated"), ((string?)e!["eventType"], (string?)e["actor"])));
        var counts = (await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/triggers/shop")))["counts"]!;
        Assert.Equal((5L, 0L), ((long)counts["refused"]!, (long)counts["deliveries"]!));
    }

    [Fact]
    public async Task Deliver_HostileBodies_AnswerProblemJsonAndStartNothing()
    {
        await PutOkAsync("shop", TwoRuleShop);
        await PutOkAsync("copy", new
        {
            auth = new { mode = "signature", secret = "SHOP_SECRET" },
            rules = new[] { new { id = "copy", start = new { workflow = "echo-flow", input = new { text = "{{body.order}}" } } } },
        });

        var notJson = await HookClient.PostSignedAsync(_host.Anonymous, "shop", "{\"status\":", Secret);
        var deep = await HookClient.PostSignedAsync(_host.Anonymous, "shop", new string('[', 100) + new string(']', 100), Secret);
        var tooLarge = await HookClient.PostSignedAsync(_host.Anonymous, "shop", "{\"x\":\"" + new string('a', 1024 * 1024) + "\"}", Secret);
        var badUtf8 = await HookClient.SendAsync(_host.Anonymous, "shop", [0x7B, 0xFF, 0xFE, 0x7D], ("X-Hub-Signature-256", Serverless.Triggers.TriggerSignature.Sign(Secret, [0x7B, 0xFF, 0xFE, 0x7D])));
        var unknown = await HookClient.PostSignedAsync(_host.Anonymous, "nobody", "{}", Secret);
        var badName = await HookClient.PostSignedAsync(_host.Anonymous, "a%E2%80%AEb", "{}", Secret);
        var typeError = await HookClient.PostSignedAsync(_host.Anonymous, "shop", """{"status":["paid"],"order":{"deep":1}}""", Secret);
        var surrogate = await HookClient.PostSignedAsync(_host.Anonymous, "copy", """{"status":"paid","order":"\ud800"}""", Secret);

        Assert.Equal("malformedBody", (string?)(await TestHost.ReadProblemAsync(notJson, 400))["reason"]);
        Assert.Equal("malformedBody", (string?)(await TestHost.ReadProblemAsync(deep, 400))["reason"]);
        Assert.Equal("tooLarge", (string?)(await TestHost.ReadProblemAsync(tooLarge, 413))["reason"]);
        Assert.Equal("malformedBody", (string?)(await TestHost.ReadProblemAsync(badUtf8, 400))["reason"]);
        await TestHost.ReadProblemAsync(unknown, 404);
        await TestHost.ReadProblemAsync(badName, 404);
        Assert.Equal(HttpStatusCode.OK, typeError.StatusCode);
        var unpaired = await TestHost.ReadProblemAsync(surrogate, 400);
        Assert.Equal("malformedBody", (string?)unpaired["reason"]);
        Assert.Contains("Unicode", (string?)unpaired["detail"], StringComparison.Ordinal);
        Assert.Empty(await InstanceIdsAsync());
    }

    [Fact]
    public async Task Triggers_EveryAnswerAndTrail_NamesTheSecretButNeverHoldsItsValue()
    {
        await PutOkAsync("shop", TwoRuleShop);
        await DeliverAsync("shop", """{"status":"paid","order":"s-1"}""");
        await HookClient.PostSignedAsync(_host.Anonymous, "shop", "{}", "wrong");

        var got = await _host.Client.GetStringAsync("/api/triggers/shop");
        var list = await _host.Client.GetStringAsync("/api/triggers");
        var trail = await _host.Client.GetStringAsync("/api/instances/~trigger.shop/audit");
        var instance = await _host.Client.GetStringAsync("/runtime/webhooks/durabletask/instances/echo-s-1?showInput=true&showHistory=true");
        var openApi = await _host.Client.GetStringAsync("/api/openapi.json");

        Assert.All(new[] { got, list, trail, instance, openApi }, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
        Assert.Contains("SHOP_SECRET", got, StringComparison.Ordinal);
        var hook = JsonNode.Parse(openApi)!["paths"]!["/api/hooks/{trigger}"]!["post"]!;
        Assert.Null(hook["security"]);
    }

    [Fact]
    public async Task Deliver_SecretNoLongerConfigured_Answers503AndStartsNothing()
    {
        await PutOkAsync("shop", TwoRuleShop);
        _host.Get<Microsoft.Extensions.Configuration.IConfiguration>()["Secrets:SHOP_SECRET"] = string.Empty;

        var response = await DeliverAsync("shop", """{"status":"paid","order":"gone-1"}""");

        Assert.Equal("secretNotConfigured", (string?)(await TestHost.ReadProblemAsync(response, 503))["reason"]);
        Assert.Empty(await InstanceIdsAsync());
    }

    [Fact]
    public async Task Put_InvalidTrigger_EveryProblemLocatedAndNothingStored()
    {
        var response = await PutAsync("bad", new
        {
            auth = new { mode = "magic", secret = "1bad", header = "x y" },
            colour = "red",
            rules = new object[]
            {
                new { id = "a", when = "body.status ==", start = new { workflow = "echo-flow", input = new { text = "{{input.text}}" } } },
                new { id = "a", when = "steps.x.output", start = new { workflow = "ghost-flow" } },
                new { id = "c", start = new { workflow = "echo-flow", version = 7, instanceId = "~hidden" } },
                new { id = "d", start = new { workflow = "echo-flow", instanceId = "x-{{body.id" } },
            },
        });

        var problem = await TestHost.ReadProblemAsync(response, 400);
        var paths = problem["errors"]!.AsArray().Select(e => (string?)e!["path"]).ToList();
        Assert.Equal(
            ["$.colour", "$.auth.mode", "$.auth.secret", "$.auth.header", "$.rules[0].when", "$.rules[0].start.input.text", "$.rules[1].when", "$.rules[1].id", "$.rules[2].start.instanceId", "$.rules[3].start.instanceId"],
            paths);
        Assert.Contains("Unknown name 'input'", problem["errors"]!.AsArray()[5]!["message"]!.ToString(), StringComparison.Ordinal);
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync("/api/triggers/bad"), 404);

        var unpublished = await TestHost.ReadProblemAsync(await PutAsync("late", new
        {
            auth = new { mode = "key", secret = "NOT_CONFIGURED" },
            rules = new object[]
            {
                new { id = "a", start = new { workflow = "ghost-flow" } },
                new { id = "b", start = new { workflow = "echo-flow", version = 7 } },
            },
        }), 400);
        Assert.Equal(["$.auth.secret", "$.rules[0].start.workflow", "$.rules[1].start.version"], unpublished["errors"]!.AsArray().Select(e => (string?)e!["path"]));
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync("/api/triggers/late"), 404);
    }
}
