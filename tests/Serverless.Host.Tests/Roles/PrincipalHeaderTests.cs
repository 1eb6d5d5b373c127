using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests.Roles;

/// <summary>
/// The <c>x-ms-client-principal</c> header over HTTP on the real host: a well-formed one names the caller; locally its
/// role claims grant nothing (nothing signs callers in); a hostile one is a 400 problem that changes nothing.
/// </summary>
public sealed class PrincipalHeaderTests(RolesHost fixture) : IClassFixture<RolesHost>
{
    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static string Principal(string name, params string[] roles) => Encode(new JsonObject
    {
        ["auth_typ"] = "aad",
        ["name_typ"] = "name",
        ["role_typ"] = "roles",
        ["claims"] = new JsonArray([new JsonObject { ["typ"] = "name", ["val"] = name }, .. roles.Select(r => (JsonNode)new JsonObject { ["typ"] = "roles", ["val"] = r })]),
    }.ToJsonString());

    public static TheoryData<string, string, int> Hostile => new()
    {
        { "not base64", "%%%not-base64%%%", 400 },
        { "empty claims object", Encode("""{"claims":{}}"""), 400 },
        { "no claims", Encode("""{"auth_typ":"aad"}"""), 400 },
        { "an array", Encode("[1,2]"), 400 },
        { "a string", Encode("\"admin\""), 400 },
        { "truncated JSON", Encode("""{"claims":[{"typ":"name","val":"x"}"""), 400 },
        { "claim value a number", Encode("""{"claims":[{"typ":"roles","val":1}]}"""), 400 },
        { "claim an array", Encode("""{"claims":[["roles","admin"]]}"""), 400 },
        { "auth_typ an object", Encode("""{"auth_typ":{},"claims":[]}"""), 400 },
        { "auth_typ with a line break", Encode("""{"auth_typ":"aad\nforged log line","claims":[]}"""), 400 },
        { "deep nesting", Encode("{\"claims\":[],\"x\":" + new string('[', 64) + new string(']', 64) + "}"), 400 },
        { "invalid UTF-8", Convert.ToBase64String([0x7B, 0xFF, 0xFE, 0x7D]), 400 },
        { "bidi override in the name", Principal("ali\u202Ece"), 400 },
        { "control character in the name", Principal("ali\u0007ce"), 400 },
        { "name too long", Principal(new string('a', 300)), 400 },
        // Kestrel refuses headers past 32 KiB itself (431); the parser's own limits are unit-tested (ClientPrincipalTests).
        { "too many claims", Encode("{\"claims\":[" + string.Join(',', Enumerable.Repeat("""{"typ":"x","val":"y"}""", 2001)) + "]}"), 431 },
        { "larger than 64 KiB", Encode("{\"claims\":[],\"pad\":\"" + new string('a', 70_000) + "\"}"), 431 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Publish_HostilePrincipalHeader_Answers4xxProblemAndChangesNothing(string what, string header, int status)
    {
        var before = StoreSnapshot.Take(fixture.Host.DataDirectory);

        var response = await fixture.SendAsync(KestrelHost.Key, "POST", "/api/definitions", TestWorkflows.EchoV2, new Dictionary<string, string> { ["x-ms-client-principal"] = header });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (status == 400)
        {
            Assert.Equal("Invalid client principal", (string?)JsonNode.Parse(text)!["title"]);
        }

        Assert.DoesNotContain(header.Length > 40 ? header[..40] : header, text, StringComparison.Ordinal);
        Assert.Equal(before, StoreSnapshot.Take(fixture.Host.DataDirectory));
    }

    [Fact]
    public async Task Me_WellFormedPrincipal_NamesTheCaller()
    {
        var response = await fixture.SendAsync(RolesHost.ReaderKey, "GET", "/api/me", headers: new Dictionary<string, string> { ["x-ms-client-principal"] = Principal("dana@example.test", "Reader") });

        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("dana@example.test", (string?)me["name"]);
        Assert.Equal(["reader"], me["roles"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task Publish_ReaderKeyWithPrincipalClaimingAdmin_StillRefusedLocally()
    {
        var response = await fixture.SendAsync(
            RolesHost.ReaderKey, "POST", "/api/definitions", TestWorkflows.EchoV2,
            new Dictionary<string, string> { ["x-ms-client-principal"] = Principal("mallory", "Admin", "Author") });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var trail = await fixture.AccessTrailAsync();
        Assert.Equal("mallory", (string?)trail[^1]!["actor"]);
    }

    [Fact]
    public async Task Me_PrincipalHeaderSentTwice_Answers400()
    {
        using var client = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("x-functions-key", KestrelHost.Key);
        request.Headers.TryAddWithoutValidation("x-ms-client-principal", [Principal("a"), Principal("b")]);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
