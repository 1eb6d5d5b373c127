using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Serverless.Host;
using Serverless.Runtime;
using Serverless.Runtime.History;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests.Infrastructure;

/// <summary>
/// The real local host in process (WebApplicationFactory) on SQLite in a temp folder, with a fake clock for the
/// product stores and timers (the durable runtime keeps real time). Timers are off: tests call the handlers.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string Key = "test-admin-key-0123456789abcdef";

    private readonly TempFolder _folder = new("host");
    private readonly WebApplicationFactory<Program> _factory;

    public TestHost(DateTimeOffset? start = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Time = new FakeTimeProvider(start ?? DateTimeOffset.UtcNow);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("DataDirectory", _folder.Path);
            b.UseSetting("AdminKey", Key);
            b.UseSetting("TimersEnabled", "false");
            foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
            {
                b.UseSetting(name, value);
            }

            b.ConfigureServices(collection =>
            {
                collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
                services?.Invoke(collection);
            });
        });
        Client = _factory.CreateClient();
        Client.DefaultRequestHeaders.Add("x-functions-key", Key);
        Anonymous = _factory.CreateClient();
    }

    public FakeTimeProvider Time { get; }

    public string DataDirectory => _folder.Path;

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient Client { get; }

    /// <summary>A client without a key.</summary>
    public HttpClient Anonymous { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Another client (e.g. one that does not follow redirects); the caller disposes it.</summary>
    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => _factory.CreateClient(options);

    public DurableRuntime Runtime => Services.GetRequiredService<RuntimeService>().Runtime;

    public DurableTaskClient Durable => Runtime.Client;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<HttpResponseMessage> PublishAsync(string definitionJson)
    {
        var response = await Client.PostAsync("/api/definitions", new StringContent(definitionJson, Encoding.UTF8, "application/json"));
        return response;
    }

    public async Task PublishOkAsync(string definitionJson)
    {
        var response = await PublishAsync(definitionJson);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonObject> StartAsync(string workflow, object? input, string? instanceId = null, HttpClient? client = null)
    {
        var response = await (client ?? Client).PostAsJsonAsync($"/api/workflows/{workflow}/instances/{instanceId}", input);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Durable.WaitForInstanceCompletionAsync(instanceId, true, timeout.Token);
    }

    /// <summary>Waits until the instance has completed the activity <paramref name="activity"/> (e.g. the approval request is in the inbox).</summary>
    public async Task WaitForActivityAsync(string instanceId, string activity)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Runtime.WaitForHistoryAsync(instanceId, history =>
        {
            var scheduled = history.OfType<TaskScheduled>().Where(e => e.Name == activity).Select(e => e.EventId).ToHashSet();
            return history.OfType<TaskCompleted>().Any(e => scheduled.Contains(e.TaskScheduledId));
        }, timeout.Token);
    }

    /// <summary>Waits until the instance waits on an external event (its episode committed after starting).</summary>
    public async Task WaitForStartedAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Durable.WaitForInstanceStartAsync(instanceId, false, timeout.Token);
    }

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("The body was null.");

    public static async Task<JsonObject> ReadProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), text);
        return problem;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await _factory.DisposeAsync();
        _folder.Dispose();
    }
}
