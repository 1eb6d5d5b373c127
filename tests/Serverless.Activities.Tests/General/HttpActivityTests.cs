using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Activities.General;
using Serverless.Activities.Tests.Infrastructure;

namespace Serverless.Activities.Tests.General;

public sealed class HttpActivityTests : IDisposable
{
    private static readonly TimeSpan s_waitLimit = TimeSpan.FromSeconds(30);
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _responses = new();
    private readonly List<(HttpRequestMessage Request, string? Body)> _requests = [];
    private readonly ActivityHost _host;
    private readonly WatchedClock? _clock;
    private int _hanging;

    public HttpActivityTests()
    {
        _host = new ActivityHost(services =>
        {
            services.AddSingleton<TimeProvider>(sp => _clock!);
            services.AddHttpClient(HttpActivityOptions.ClientName).ConfigurePrimaryHttpMessageHandler(() => new ScriptedHandler(this));
        });
        _clock = new WatchedClock(_host.Clock);
    }

    public void Dispose() => _host.Dispose();

    private void Respond(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null) =>
        _responses.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    private Task<HttpResponseOutput> CallAsync(HttpRequestInput input) => _host.RunAsync<Http, HttpRequestInput, HttpResponseOutput>(input);

    /// <summary>
    /// Advances the fake clock until the call finishes, so retry waits pass without real time. Only retry waits
    /// are fired, plus a per-attempt deadline (<paramref name="attemptTimeout"/>) while the server hangs: a
    /// response still on its way is never overtaken by its own deadline, however slow the machine.
    /// </summary>
    private async Task<T> DriveAsync<T>(Task<T> call, TimeSpan? attemptTimeout = null)
    {
        var deadline = attemptTimeout ?? new HttpActivityOptions().DefaultTimeout;
        using var limit = new CancellationTokenSource(s_waitLimit);
        while (!call.IsCompleted)
        {
            limit.Token.ThrowIfCancellationRequested();
            if (!_clock!.AdvanceToNext(due => due != deadline || Volatile.Read(ref _hanging) > 0))
            {
                await Task.Yield();
            }
        }

        return await call;
    }

    [Fact]
    public async Task Http_PostWithQueryHeadersAndBody_SendsThemAndParsesJson()
    {
        Respond(HttpStatusCode.Created, """{"id":7}""");

        var output = await CallAsync(new HttpRequestInput
        {
            Method = "post",
            Url = "https://api.example.test/orders?src=wf",
            Query = new Dictionary<string, string> { ["tag"] = "a b&c" },
            Headers = new Dictionary<string, string> { ["X-Correlation"] = "c-1", ["Content-Type"] = "application/vnd.order+json" },
            Body = JsonNode.Parse("""{"sku":"x"}"""),
        });

        Assert.Equal(201, output.Status);
        Assert.Equal(7, output.Body!["id"]!.GetValue<int>());
        var (request, body) = Assert.Single(_requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.example.test/orders?src=wf&tag=a%20b%26c", request.RequestUri!.AbsoluteUri);
        Assert.Equal("c-1", request.Headers.GetValues("X-Correlation").Single());
        Assert.Equal("application/vnd.order+json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("""{"sku":"x"}""", body);
    }

    [Fact]
    public async Task Http_ServiceUnavailableThenOk_RetriesAfterRetryAfter()
    {
        Respond(HttpStatusCode.ServiceUnavailable, configure: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5)));
        Respond(HttpStatusCode.OK, """{"ok":true}""");
        var started = _host.Clock.GetUtcNow();

        var output = await DriveAsync(CallAsync(new HttpRequestInput { Url = "http://api.example.test/health" }));

        Assert.Equal(200, output.Status);
        Assert.Equal(2, _requests.Count);
        Assert.True(_host.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Http_TooManyRequestsEveryTime_FailsAfterMaxAttempts()
    {
        for (var i = 0; i < 3; i++)
        {
            Respond(HttpStatusCode.TooManyRequests);
        }

        var error = await Assert.ThrowsAsync<HttpStatusException>(() => DriveAsync(CallAsync(new HttpRequestInput { Url = "http://api.example.test/x", MaxAttempts = 3 })));

        Assert.Equal(429, error.Status);
        Assert.Equal(3, _requests.Count);
    }

    [Fact]
    public async Task Http_ConnectionLostOnce_RetriesAndSucceeds()
    {
        _responses.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("connection reset")));
        Respond(HttpStatusCode.OK, """{"ok":true}""");

        var output = await DriveAsync(CallAsync(new HttpRequestInput { Url = "http://api.example.test/x" }));

        Assert.Equal(200, output.Status);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task Http_NotFound_FailsWithoutRetry()
    {
        Respond(HttpStatusCode.NotFound, """{"error":"no"}""");

        var error = await Assert.ThrowsAsync<HttpStatusException>(() => CallAsync(new HttpRequestInput { Url = "http://api.example.test/x" }));

        Assert.Equal(404, error.Status);
        Assert.Single(_requests);
    }

    [Fact]
    public async Task Http_NotFoundWithFailOnErrorStatusOff_ReturnsResponse()
    {
        Respond(HttpStatusCode.NotFound, """{"error":"no"}""");

        var output = await CallAsync(new HttpRequestInput { Url = "http://api.example.test/x", FailOnErrorStatus = false });

        Assert.Equal((404, "no"), (output.Status, output.Body!["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Http_ServerNeverAnswers_TimesOutOnEachAttempt()
    {
        for (var i = 0; i < 2; i++)
        {
            _responses.Enqueue(async (_, token) =>
            {
                Interlocked.Increment(ref _hanging);
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, token);
                }
                finally
                {
                    Interlocked.Decrement(ref _hanging);
                }

                throw new InvalidOperationException("unreachable");
            });
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => DriveAsync(CallAsync(new HttpRequestInput { Url = "http://slow.example.test/", TimeoutSeconds = 2, MaxAttempts = 2 }), TimeSpan.FromSeconds(2)));

        Assert.Contains("2 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _requests.Count);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.test/x")]
    [InlineData("/relative")]
    public async Task Http_NotHttpUrl_ThrowsAndSendsNothing(string url)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CallAsync(new HttpRequestInput { Url = url }));

        Assert.Empty(_requests);
    }

    [Fact]
    public async Task Http_UnknownMethod_ThrowsAndSendsNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CallAsync(new HttpRequestInput { Url = "http://x.test/", Method = "TRACE" }));

        Assert.Empty(_requests);
    }

    private sealed class ScriptedHandler(HttpActivityTests test) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (test._requests)
            {
                test._requests.Add((request, body));
            }

            var next = test._responses.Count > 0 ? test._responses.Dequeue() : throw new InvalidOperationException("No scripted response left.");
            return await next(request, cancellationToken);
        }
    }
}
