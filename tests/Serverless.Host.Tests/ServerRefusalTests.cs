using System.Net;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>Requests Kestrel refuses before any middleware runs still get a problem document, over the real server.</summary>
public sealed class ServerRefusalTests : IAsyncLifetime
{
    private KestrelHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new KestrelHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, int> Refused => new()
    {
        { "GET /api/definitions/a%00b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400 },
        { "NOT A REQUEST LINE\r\n\r\n", 400 },
        { "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n", 400 },
        { "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nx-big: " + new string('a', 40_000) + "\r\n\r\n", 431 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task RawRequest_RefusedByTheServer_GetsProblemJson(string request, int status)
    {
        var response = await _host.SendRawAsync(request);

        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        var problem = JsonNode.Parse(response.Body)!;
        Assert.Equal(status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }

    [Fact]
    public async Task Requests_AfterRefusals_AreAnsweredUnchanged()
    {
        await _host.SendRawAsync("NOT A REQUEST LINE\r\n\r\n");

        var health = await _host.Client.GetAsync("/api/health");
        var accepted = await _host.Client.PostAsync("/api/definitions", new StringContent(TestWorkflows.Echo, System.Text.Encoding.UTF8, "application/json"));
        var missing = await _host.Client.GetAsync("/api/definitions/none");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
