using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Serverless.Api.Access;

/// <summary>
/// Tells the Functions master key from other keys. With ASP.NET Core integration the worker never learns which key the
/// Functions host accepted, so it asks the host: its admin API (<c>/admin/host/status</c>) answers 200 only to the master
/// key. Answers are kept for <see cref="CacheFor"/> by the key's SHA-256 digest (never the key); anything but a 200
/// (a 401, a timeout, the host unreachable) means "not the master key", so a failure never grants more; failures are not kept.
/// </summary>
public sealed partial class MasterKeyProbe
{
    /// <summary>The named <c>HttpClient</c> the probe uses.</summary>
    public const string ClientName = "serverless.master-key-probe";

    /// <summary>How long an answer is kept.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private const int MaxCached = 256;

    private readonly Func<HttpClient> _client;
    private readonly Uri _statusUri;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, (bool IsMaster, DateTimeOffset Until)> _answers = new(StringComparer.Ordinal);

    /// <summary>Creates the probe.</summary>
    /// <param name="client">Makes the HTTP client (from <c>IHttpClientFactory</c>).</param>
    /// <param name="siteUri">The app's own address, e.g. <c>https://func-abc.azurewebsites.net</c> (<c>WEBSITE_HOSTNAME</c>).</param>
    /// <param name="time">The clock of the cache.</param>
    /// <param name="logger">Diagnostics (never the key).</param>
    public MasterKeyProbe(Func<HttpClient> client, Uri siteUri, TimeProvider time, ILogger<MasterKeyProbe>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(siteUri);
        _client = client;
        _statusUri = new Uri(siteUri, "/admin/host/status");
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Whether <paramref name="key"/> is the master key.</summary>
    /// <param name="key">The key a caller sent.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>True only when the host said so.</returns>
    public async ValueTask<bool> IsMasterKeyAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = _time.GetUtcNow();
        if (_answers.TryGetValue(digest, out var known) && known.Until > now)
        {
            return known.IsMaster;
        }

        if (await AskAsync(key, cancellationToken) is not { } isMaster)
        {
            return false;
        }

        if (_answers.Count >= MaxCached)
        {
            _answers.Clear();
        }

        _answers[digest] = (isMaster, now + CacheFor);
        return isMaster;
    }

    // Null when the host did not answer: not kept, so the next call asks again.
    private async Task<bool?> AskAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _statusUri);
            request.Headers.Add(CallerResolver.KeyHeader, key);
            using var response = await _client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.ProbeFailed(_logger, e.GetType().Name);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6703, Level = LogLevel.Warning, Message = "Could not ask the Functions host whether a key is the master key ({Failure}); the caller is treated as a function key.")]
        public static partial void ProbeFailed(ILogger logger, string failure);
    }
}
