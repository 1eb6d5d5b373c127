using System.Net;
using System.Net.Http.Json;
using System.Text;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Dashboard.Tests.Infrastructure;

/// <summary>The real host process on 127.0.0.1:0 with SQLite in a temp folder, shared by the browser tests of a class.</summary>
public sealed class DashboardHost : IAsyncLifetime
{
    public const string Key = "dashboard-test-key-0123456789abcdef";

    /// <summary>A named key ("viewer") that holds only the reader role.</summary>
    public const string ReaderKey = "dashboard-reader-key-0123456789abcdef";

    private readonly TempFolder _folder = new("dashboard");
    private HostProcess? _process;

    public Uri BaseAddress => _process!.BaseAddress;

    /// <summary>The host's data folder (its SQLite files).</summary>
    public string DataDirectory => _folder.Path;

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _process = await HostProcess.StartAsync(_folder.Path, Key, "--Keys:viewer:Key", ReaderKey, "--Keys:viewer:Roles", "reader");
        Client = new HttpClient { BaseAddress = _process.BaseAddress };
        Client.DefaultRequestHeaders.Add("x-functions-key", Key);
    }

    public async Task PublishAsync(string definition)
    {
        using var response = await Client.PostAsync("/api/definitions", new StringContent(definition, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task StartAsync(string workflow, string instanceId, object input)
    {
        using var response = await Client.PostAsJsonAsync($"/api/workflows/{workflow}/instances/{instanceId}", input);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    public async Task PutScheduleAsync(string id, object schedule)
    {
        using var response = await Client.PutAsJsonAsync($"/api/schedules/{id}", schedule);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Decides an approval as <paramref name="approver"/>, the way App Service authentication would name them.</summary>
    public async Task<HttpResponseMessage> DecideAsync(string instanceId, string stepId, string approver, bool approved, string? comment)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{instanceId}/{stepId}")
        {
            Content = JsonContent.Create(new { approved, comment }),
        };
        request.Headers.Add("x-ms-client-principal-name", approver);
        return await Client.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _folder.Dispose();
    }
}
