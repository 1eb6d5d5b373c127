using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Conformance.Tests.Engines;
using Serverless.Host.Durable;
using Serverless.Tests.Infrastructure;

namespace Serverless.Conformance.Tests.Http;

/// <summary>
/// The local host with <c>DurableEngine=AzureStorage</c>: a sample workflow run end to end over HTTP on Microsoft's
/// engine over Azurite, leaving the task hub that <c>func start</c> would write. Skips without Azurite outside CI.
/// </summary>
public sealed class LocalHostOnAzureStorageTests : IAsyncLifetime
{
    private const string Key = "azurestorage-admin-key-0123456789abcdef";
    private readonly TempFolder _folder = new("host-azurestorage");
    private readonly string _hub = $"hosttest{Guid.NewGuid():N}"[..20];
    private WebApplicationFactory<Program>? _factory;
    private HttpClient? _client;

    public Task InitializeAsync()
    {
        if (AzuriteStorage.SkipReason is not null)
        {
            return Task.CompletedTask;
        }

        // The repository's host.json in a content root of its own, so "hubName": "%TaskHubName%" names a fresh task hub.
        Directory.CreateDirectory(_folder.Path);
        File.Copy(Path.Combine(RepositoryFolder.Root, "host.json"), _folder.File("host.json"));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseContentRoot(_folder.Path);
            host.UseSetting("DataDirectory", _folder.File("data"));
            host.UseSetting("AdminKey", Key);
            host.UseSetting("TimersEnabled", "false");
            host.UseSetting("DurableEngine", "AzureStorage");
            host.UseSetting("AzureWebJobsStorage", AzuriteStorage.ConnectionString);
            host.UseSetting("TaskHubName", _hub);
            host.ConfigureLogging(Sidecar.Quiet);
        });
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Add("x-functions-key", Key);
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task LocalHost_ExpenseApprovalSample_RunsOverHttpOnTheAzureStorageTaskHub()
    {
        Skip.If(AzuriteStorage.SkipReason is not null, AzuriteStorage.SkipReason);
        var client = _client!;
        var id = $"expense-{Guid.NewGuid():N}";
        var published = await client.PostAsync("/api/definitions", new StringContent(Sample("expense-approval.json"), Encoding.UTF8, "application/json"));
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());

        var started = await client.PostAsJsonAsync($"/api/workflows/expense-approval/instances/{id}", new { employee = "sam", amount = 120, purpose = "train" });
        await Conditions.UntilAsync(
            async () => JsonNode.Parse(await (await SendAsync(HttpMethod.Get, "/api/approvals", "manager.alice")).Content.ReadAsStringAsync())!.AsArray(),
            pending => pending.Any(p => (string?)p!["instanceId"] == id),
            "the expense approval request");
        var alice = await SendAsync(HttpMethod.Post, $"/api/approvals/{id}/decide", "manager.alice", new { approved = true });
        var carol = await SendAsync(HttpMethod.Post, $"/api/approvals/{id}/decide", "manager.carol", new { approved = true });
        var status = await Conditions.UntilAsync(
            async () => JsonNode.Parse(await client.GetStringAsync($"/runtime/webhooks/durabletask/instances/{id}"))!,
            s => (string?)s["runtimeStatus"] is "Completed" or "Failed" or "Terminated",
            $"instance {id} to finish");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (alice.StatusCode, carol.StatusCode));
        Assert.Equal("Completed", (string?)status["runtimeStatus"]);
        Assert.Equal("approved", (string?)status["output"]!["output"]!["decision"]);
        Assert.Equal("GrpcDurableTaskClient", _factory!.Services.GetRequiredService<DurableTaskClient>().GetType().Name);

        // The task hub the Durable extension writes: instances and history tables, control and work-item queues, and the
        // leases (partitions in a table, the provider's default partition management; the app lease in a blob).
        var tables = new TableServiceClient(AzuriteStorage.ConnectionString).Query().Select(t => t.Name).ToList();
        var queues = new QueueServiceClient(AzuriteStorage.ConnectionString).GetQueues().Select(q => q.Name).ToList();
        var hub = _hub.ToLowerInvariant();
        Assert.Contains($"{_hub}Instances", tables);
        Assert.Contains($"{_hub}History", tables);
        Assert.Contains($"{_hub}Partitions", tables);
        Assert.Contains($"{hub}-workitems", queues);
        Assert.Contains(queues, q => q.StartsWith($"{hub}-control-", StringComparison.Ordinal));
        Assert.True(await new BlobServiceClient(AzuriteStorage.ConnectionString).GetBlobContainerClient($"{hub}-applease").ExistsAsync());
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = _hub,
                StorageAccountClientProvider = new StorageAccountClientProvider(AzuriteStorage.ConnectionString),
            }).DeleteAsync();
        }

        _folder.Dispose();
    }

    private static string Sample(string file) => File.ReadAllText(Path.Combine(RepositoryFolder.Root, "samples", file));


    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string principal, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-ms-client-principal-name", principal);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return _client!.SendAsync(request);
    }
}
