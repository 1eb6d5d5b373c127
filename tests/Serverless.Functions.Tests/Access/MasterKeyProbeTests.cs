using System.Net;
using Microsoft.Extensions.Time.Testing;
using Serverless.Api.Access;

namespace Serverless.Functions.Tests.Access;

/// <summary>
/// The master-key check against the Functions host's admin API. The host is an external boundary, so a handler
/// stands in for it: it answers 200 to the master key and 401 to any other.
/// </summary>
public sealed class MasterKeyProbeTests
{
    private const string Master = "master-key-0123456789abcdef";

    private sealed class FunctionsHostAdmin : HttpMessageHandler
    {
        public List<string> KeysAsked { get; } = [];

        public bool Down { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("https://func-test.azurewebsites.net/admin/host/status", request.RequestUri!.ToString());
            var key = request.Headers.GetValues("x-functions-key").Single();
            KeysAsked.Add(key);
            return Down
                ? throw new HttpRequestException("connection refused")
                : Task.FromResult(new HttpResponseMessage(key == Master ? HttpStatusCode.OK : HttpStatusCode.Unauthorized));
        }
    }

    private static (MasterKeyProbe Probe, FunctionsHostAdmin Host, FakeTimeProvider Time) Create()
    {
        var host = new FunctionsHostAdmin();
        var time = new FakeTimeProvider();
        var probe = new MasterKeyProbe(() => new HttpClient(host, disposeHandler: false), new Uri("https://func-test.azurewebsites.net"), time);
        return (probe, host, time);
    }

    [Fact]
    public async Task IsMasterKeyAsync_MasterAndOtherKey_AnswersAsTheHostSays()
    {
        var (probe, _, _) = Create();

        Assert.True(await probe.IsMasterKeyAsync(Master, CancellationToken.None));
        Assert.False(await probe.IsMasterKeyAsync("function-key-0123456789abcdef", CancellationToken.None));
    }

    [Fact]
    public async Task IsMasterKeyAsync_AskedAgainWithinFiveMinutes_AsksTheHostOnce()
    {
        var (probe, host, time) = Create();

        await probe.IsMasterKeyAsync(Master, CancellationToken.None);
        time.Advance(MasterKeyProbe.CacheFor - TimeSpan.FromSeconds(1));
        await probe.IsMasterKeyAsync(Master, CancellationToken.None);
        Assert.Single(host.KeysAsked);

        time.Advance(TimeSpan.FromSeconds(2));
        await probe.IsMasterKeyAsync(Master, CancellationToken.None);
        Assert.Equal(2, host.KeysAsked.Count);
    }

    [Fact]
    public async Task IsMasterKeyAsync_HostUnreachable_IsNotMasterAndAsksAgainNextTime()
    {
        var (probe, host, _) = Create();
        host.Down = true;

        Assert.False(await probe.IsMasterKeyAsync(Master, CancellationToken.None));

        host.Down = false;
        Assert.True(await probe.IsMasterKeyAsync(Master, CancellationToken.None));
        Assert.Equal(2, host.KeysAsked.Count);
    }
}
