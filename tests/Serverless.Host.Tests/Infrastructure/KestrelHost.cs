using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests.Infrastructure;

/// <summary>
/// The real local host on Kestrel at 127.0.0.1 on an ephemeral port (SQLite in a temp folder, timers off), with every
/// log line it writes captured, for tests that need the real web server: raw requests, refusals, logs.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    public const string Key = TestHost.Key;

    private readonly TempFolder _folder = new("kestrel");
    private readonly WebApplicationFactory<Program> _factory;

    public KestrelHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("DataDirectory", _folder.Path);
            b.UseSetting("AdminKey", Key);
            b.UseSetting("TimersEnabled", "false");
            b.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
            {
                b.UseSetting(name, value);
            }

            b.ConfigureLogging(logging => logging.AddProvider(Logs));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
        Client.DefaultRequestHeaders.Add("x-functions-key", Key);
    }

    public Uri BaseAddress { get; }

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient Client { get; }

    /// <summary>Every line every logger wrote, as the providers received it.</summary>
    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _factory.Services;

    public string DataDirectory => _folder.Path;

    /// <summary>Sends a raw request (Latin-1 text) on a new connection.</summary>
    public Task<RawResponse> SendRawAsync(string request) => SendRawAsync(Encoding.Latin1.GetBytes(request));

    /// <summary>Sends raw bytes on a new connection and reads the answer until the server closes it or it is complete.</summary>
    public async Task<RawResponse> SendRawAsync(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        await stream.FlushAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (RawResponse.TryParse(buffer.ToArray()) is null)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(chunk, limit.Token);
            }
            catch (IOException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return RawResponse.TryParse(buffer.ToArray()) ?? throw new InvalidDataException($"Incomplete response: {Encoding.Latin1.GetString(buffer.ToArray())}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _folder.Dispose();
    }
}
