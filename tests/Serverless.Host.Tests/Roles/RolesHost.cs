using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Runtime.History;

namespace Serverless.Host.Tests.Roles;

/// <summary>
/// The real host on Kestrel (127.0.0.1, ephemeral port, SQLite in a temp folder) with one named key per role, two
/// published workflows, an instance waiting on an approval that lists alice and bob, and a paused schedule.
/// </summary>
public sealed class RolesHost : IAsyncLifetime
{
    public const string ReaderKey = "reader-key-0123456789abcdef";
    public const string AuthorKey = "author-key-0123456789abcdef";
    public const string OperatorKey = "operator-key-0123456789abcdef";

    /// <summary>An approver's key named alice: with no principal header the caller is alice, a listed approver.</summary>
    public const string AliceKey = "alice-key-0123456789abcdef";

    /// <summary>An approver's key named carol, whom no step lists.</summary>
    public const string CarolKey = "carol-key-0123456789abcdef";

    public KestrelHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Keys:reader:Key"] = ReaderKey, ["Keys:reader:Roles"] = "reader",
            ["Keys:author:Key"] = AuthorKey, ["Keys:author:Roles"] = "author",
            ["Keys:ops:Key"] = OperatorKey, ["Keys:ops:Roles"] = "operator",
            ["Keys:alice:Key"] = AliceKey, ["Keys:alice:Roles"] = "approver",
            ["Keys:carol:Key"] = CarolKey, ["Keys:carol:Roles"] = "approver",
        });
        foreach (var definition in new[] { TestWorkflows.Echo, TestWorkflows.Approval })
        {
            Assert.Equal(HttpStatusCode.Created, (await Host.Client.PostAsync("/api/definitions", new StringContent(definition, Encoding.UTF8, "application/json"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await Host.Client.PostAsJsonAsync("/api/workflows/approve-flow/instances/waiting-1", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Host.Client.PutAsJsonAsync("/api/schedules/nightly", new { workflow = "echo-flow", cron = "0 0 2 * * *", input = new { text = "n" }, paused = true })).StatusCode);
        await WaitForApprovalRequestAsync("waiting-1");
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Sends a request with <paramref name="key"/> in the x-functions-key header (or none).</summary>
    public async Task<HttpResponseMessage> SendAsync(string? key, string method, string path, string? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The entries of the access trail (refused calls), oldest first.</summary>
    public async Task<JsonArray> AccessTrailAsync()
    {
        var response = await Host.Client.GetAsync("/api/instances/~access/audit");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True((bool)body["verification"]!["intact"]!, body.ToJsonString());
        return body["entries"]!.AsArray();
    }

    /// <summary>Everything stored, without the access trail's own rows (a refusal writes those and nothing else).</summary>
    public string SnapshotWithoutAccessTrail() =>
        string.Join('\n', StoreSnapshot.Take(Host.DataDirectory).Split('\n').Where(line => !line.Contains("~access", StringComparison.Ordinal)));

    public async Task WaitForApprovalRequestAsync(string instanceId)
    {
        var runtime = Host.Services.GetRequiredService<RuntimeService>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await runtime.Runtime.WaitForHistoryAsync(instanceId, history =>
        {
            var scheduled = history.OfType<TaskScheduled>().Where(e => e.Name == "RequestApproval").Select(e => e.EventId).ToHashSet();
            return history.OfType<TaskCompleted>().Any(e => scheduled.Contains(e.TaskScheduledId));
        }, limit.Token);
    }
}
