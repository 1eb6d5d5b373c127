using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>
/// The outside world the sample workflows call over HTTP (a CRM, data sources, an export service that finishes on the
/// third poll of a job), answering as a handler so no request leaves the process.
/// </summary>
public sealed class ScriptedWorld : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, int> _polls = new(StringComparer.Ordinal);

    /// <summary>Every request as "METHOD url", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The Authorization header of every request that had one, by URL.</summary>
    public ConcurrentDictionary<string, string> Authorizations { get; } = new(StringComparer.Ordinal);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        Requests.Enqueue($"{request.Method} {url}");
        var authorization = request.Headers.Authorization?.ToString();
        if (authorization is not null)
        {
            Authorizations[url] = authorization;
        }

        var body = url switch
        {
            // A shop that echoes the credentials it was sent, as a careless API might.
            _ when url.StartsWith("https://shop.example/", StringComparison.Ordinal) => new System.Text.Json.Nodes.JsonObject { ["authorization"] = authorization }.ToJsonString(),
            _ when url.StartsWith("https://crm.example/", StringComparison.Ordinal) => """{ "vip": false, "customer": "acme" }""",
            _ when url.StartsWith("https://export.example/jobs/", StringComparison.Ordinal) => _polls.AddOrUpdate(url, 1, (_, n) => n + 1) < 3
                ? """{ "status": "running" }"""
                : $$"""{ "status": "done", "downloadUrl": "{{url.Replace("/jobs/", "/files/", StringComparison.Ordinal)}}.csv" }""",
            _ when url.StartsWith("https://export.example/jobs", StringComparison.Ordinal) => $$"""{ "jobId": "job-{{Guid.NewGuid():N}}" }""",
            _ when url.EndsWith("/files", StringComparison.Ordinal) => """{ "files": [ { "name": "a.csv" }, { "name": "b.csv" }, { "name": "c.csv" } ] }""",
            _ when request.Method == HttpMethod.Get => """{ "total": 2 }""",
            _ => """{ "ok": true, "id": "x-1" }""",
        };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
