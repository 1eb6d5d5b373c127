using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Activities.General;
using Serverless.Activities.Secrets;
using Serverless.Activities.Tests.Infrastructure;
using Serverless.Secrets;

namespace Serverless.Activities.Tests.Secrets;

/// <summary>The catalog's activities created as every host creates them (<see cref="ActivityDescriptor.Create"/>).</summary>
public sealed class SecretResolvingActivityTests : IDisposable
{
    private const string Token = "shop-token-5c1d9e";

    private readonly List<(HttpRequestMessage Request, string? Body)> _requests = [];
    private readonly ActivityHost _host;
    private HttpStatusCode _status = HttpStatusCode.OK;

    public SecretResolvingActivityTests() =>
        _host = new ActivityHost(services =>
        {
            services.AddSingleton(SecretResolverTests.Source(("SHOP_TOKEN", Token)));
            services.AddHttpClient(HttpActivityOptions.ClientName).ConfigurePrimaryHttpMessageHandler(() => new EchoingServer(this));
        });

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Http_BearerReference_ServerGetsValueOutputMasked()
    {
        var input = new HttpRequestInput
        {
            Method = "POST",
            Url = "https://shop.example/orders",
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer {{secrets.SHOP_TOKEN}}" },
            Body = JsonNode.Parse("""{ "note": "key={{secrets.SHOP_TOKEN}}" }"""),
        };

        var output = Assert.IsType<HttpResponseOutput>(await RunAsync(Http.Name, input));

        var (request, body) = Assert.Single(_requests);
        Assert.Equal($"Bearer {Token}", request.Headers.Authorization!.ToString());
        Assert.Contains($"key={Token}", body, StringComparison.Ordinal);
        Assert.Equal("Bearer ***", output.Body!["authorization"]!.GetValue<string>());
        Assert.Equal("Bearer {{secrets.SHOP_TOKEN}}", input.Headers["Authorization"]);
    }

    [Fact]
    public async Task Http_ErrorStatusWithValueInUrl_FailureMaskedAndTypeKept()
    {
        _status = HttpStatusCode.InternalServerError;
        var input = new HttpRequestInput { Url = "https://shop.example/keys/{{secrets.SHOP_TOKEN}}/orders", MaxAttempts = 1 };

        var error = await Assert.ThrowsAsync<HttpStatusException>(() => RunAsync(Http.Name, input));

        Assert.Equal("GET https://shop.example/keys/***/orders returned 500 after 1 attempt(s).", error.Message);
        Assert.EndsWith($"/keys/{Token}/orders", Assert.Single(_requests).Request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_Reference_ReturnsMask()
    {
        var output = await RunAsync(Echo.Name, JsonNode.Parse("""{ "shown": "{{secrets.SHOP_TOKEN}}", "kept": "plain" }"""));

        Assert.Equal("""{"shown":"***","kept":"plain"}""", ((JsonNode)output!).ToJsonString());
    }

    [Fact]
    public async Task Fail_Reference_MessageMasked()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(Fail.Name, new FailInput { Message = "boom {{secrets.SHOP_TOKEN}}" }));

        Assert.Contains("boom ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_SecretRemoved_FailsBeforeSendingWithoutValue()
    {
        var input = new HttpRequestInput { Url = "https://shop.example/x", Headers = new Dictionary<string, string> { ["X-Key"] = "{{secrets.GONE}}" } };

        var error = await Assert.ThrowsAsync<SecretNotFoundException>(() => RunAsync(Http.Name, input));

        Assert.Contains("Secret 'GONE'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_requests);
    }

    [Fact]
    public void Create_ActivityThatStoresItsInput_NotWrapped()
    {
        var audit = ActivityCatalog.All.Single(a => a.Name == RecordAudit.Name);

        Assert.IsType<RecordAudit>(audit.Create(_host.Services));
        Assert.IsType<SecretResolvingActivity>(ActivityCatalog.All.Single(a => a.Name == Http.Name).Create(_host.Services));
        Assert.Equal(["echo", "fail", "http", "transform"], ActivityCatalog.SecretActivities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Echo_NoReference_SameOutputInstance()
    {
        var input = JsonNode.Parse("""{ "a": 1 }""");

        Assert.Same(input, await RunAsync(Echo.Name, input));
    }

    private Task<object?> RunAsync(string name, object? input) =>
        ActivityCatalog.All.Single(a => a.Name == name).Create(_host.Services).RunAsync(new TestActivityContext(name, "i-1"), input);

    /// <summary>The called server: records each request and answers with the Authorization header it received.</summary>
    private sealed class EchoingServer(SecretResolvingActivityTests test) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            test._requests.Add((request, body));
            var echo = new JsonObject { ["authorization"] = request.Headers.Authorization?.ToString() };
            return new HttpResponseMessage(test._status) { Content = new StringContent(echo.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }
}
