using System.Net;
using System.Text;
using Microsoft.DurableTask.Client;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>The webhook sample (samples/webhooks) as a user runs it: the shop's paid event starts the order saga once.</summary>
public sealed class TriggerSampleTests : IAsyncLifetime
{
    private const string Secret = "sample-shop-secret-6d1e0b";
    private readonly TestHost _host = new(settings: new Dictionary<string, string?> { ["Secrets:SHOP_WEBHOOK_SECRET"] = Secret });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ShopSample_PaidEventDeliveredTwice_RunsTheOrderSagaOnceToCompletion()
    {
        await _host.PublishOkAsync(await ReadSampleAsync("order-fulfilment.json"));
        var put = await _host.Client.PutAsync("/api/triggers/shop", new StringContent(await ReadSampleAsync("webhooks/shop-trigger.json"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var created = await HookClient.PostSignedAsync(_host.Anonymous, "shop", await ReadSampleAsync("webhooks/shop-created.json"), Secret);
        var paid = await HookClient.PostSignedAsync(_host.Anonymous, "shop", await ReadSampleAsync("webhooks/shop-paid.json"), Secret);
        var again = await HookClient.PostSignedAsync(_host.Anonymous, "shop", await ReadSampleAsync("webhooks/shop-paid.json"), Secret);

        Assert.Equal("notMatched", (string?)(await TestHost.ReadJsonAsync(created))["rules"]![0]!["outcome"]);
        Assert.Equal(HttpStatusCode.Accepted, paid.StatusCode);
        Assert.Equal("order-1042", (string?)(await TestHost.ReadJsonAsync(paid))["rules"]![0]!["instanceId"]);
        Assert.Equal("alreadyStarted", (string?)(await TestHost.ReadJsonAsync(again))["rules"]![0]!["outcome"]);
        var saga = await _host.WaitForCompletionAsync("order-1042");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, saga.RuntimeStatus);
        Assert.Contains("\"orderId\":\"1042\"", saga.SerializedOutput, StringComparison.Ordinal);
        Assert.Contains("trackingNumber", saga.SerializedOutput, StringComparison.Ordinal);
    }

    private static async Task<string> ReadSampleAsync(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return await File.ReadAllTextAsync(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found."), "samples", relative));
    }
}
