using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Activities;
using Serverless.Conformance.Tests.Engines;
using Serverless.Durable;
using Serverless.Host.Durable;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Orchestrations;
using Serverless.Tests.Infrastructure;

namespace Serverless.Conformance.Tests.Http;

/// <summary>
/// The real local host (WebApplicationFactory) with its handlers bound to the Durable Task SDK's gRPC
/// <see cref="DurableTaskClient"/> (the client type Azure hands the Functions app) over the sidecar with Microsoft's
/// in-memory engine; the host's orchestrators and activities run in an SDK worker on the host's own services.
/// The test workflows are published once; each test uses its own instance ids.
/// </summary>
public sealed class GrpcClientHost : IAsyncLifetime
{
    public const string Key = "conformance-admin-key-0123456789abcdef";

    /// <summary>The name of the secret the trigger tests sign with.</summary>
    public const string HookSecretName = "GRPC_HOOK";

    /// <summary>Its value (configured on the host; a test value, not a secret).</summary>
    public const string HookSecret = "grpc-hook-secret-5c8e1f";

    private readonly TempFolder _folder = new("grpc-host");
    private Sidecar? _sidecar;
    private WebApplicationFactory<Program>? _factory;

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The host's Durable client: the SDK's gRPC client.</summary>
    public DurableTaskClient Durable => _factory!.Services.GetRequiredService<DurableTaskClient>();

    public async Task InitializeAsync()
    {
        var service = new InMemoryOrchestrationService();
        _sidecar = await Sidecar.StartAsync(new SidecarOrchestrationService(service, InMemoryEngineFixture.Concurrency, InMemoryEngineFixture.Concurrency), service);
        var channel = _sidecar.Channel;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("DataDirectory", _folder.Path);
            host.UseSetting("AdminKey", Key);
            host.UseSetting("TimersEnabled", "false");
            host.UseSetting($"Secrets:{HookSecretName}", HookSecret);
            host.ConfigureLogging(Sidecar.Quiet);
            host.ConfigureServices(services =>
            {
                services.RemoveAll<DurableTaskClient>();
                services.AddDurableTaskClient(client =>
                {
                    client.UseGrpc(channel);
                    client.Configure(options => options.DataConverter = PayloadJson.Converter);
                    client.RegisterDirectly();
                });
                services.AddDurableTaskWorker(worker =>
                {
                    // Orchestrators come from dependency injection, as the Functions app's bindings create them
                    // (the SDK's type registration needs a parameterless constructor, which the interpreter lacks).
                    worker.Services.AddOptions<DurableTaskRegistry>(worker.Name).Configure<IServiceProvider>((registry, provider) =>
                    {
                        foreach (var orchestrator in OrchestratorCatalog.All)
                        {
                            registry.AddOrchestrator(orchestrator.Name, () => (ITaskOrchestrator)ActivatorUtilities.GetServiceOrCreateInstance(provider, orchestrator.OrchestratorType));
                        }

                        foreach (var activity in ActivityCatalog.All)
                        {
                            registry.AddActivity(activity.Name, sp => activity.Create(sp));
                        }
                    });
                    worker.UseGrpc(channel);
                    worker.Configure(options => options.DataConverter = PayloadJson.Converter);
                });
            });
        });
        Client = _factory.CreateClient();
        Client.DefaultRequestHeaders.Add("x-functions-key", Key);
        foreach (var definition in new[] { TestWorkflows.Echo, TestWorkflows.Wait, TestWorkflows.Failing, TestWorkflows.Approval })
        {
            var published = await Client.PostAsync("/api/definitions", new StringContent(definition, Encoding.UTF8, "application/json"));
            Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        }
    }

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var limit = new CancellationTokenSource(Conditions.WaitLimit);
        return await Durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task ReadProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
        }

        _folder.Dispose();
    }
}
