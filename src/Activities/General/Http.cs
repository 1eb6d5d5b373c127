using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Serverless.Activities.General;

/// <summary>
/// Activity <c>http</c>: one HTTP call through <see cref="IHttpClientFactory"/>, with a per-attempt timeout and
/// retries on 5xx, 429 (honouring Retry-After, capped) and timeouts. Only http and https URLs are allowed.
/// </summary>
public sealed partial class Http(IHttpClientFactory clients, HttpActivityOptions options, TimeProvider time, ILogger<Http> logger)
    : TaskActivity<HttpRequestInput, HttpResponseOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "http";

    private static readonly HashSet<string> s_methods = new(StringComparer.OrdinalIgnoreCase) { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A bad URL, scheme, method, timeout or attempt count; nothing is sent.</exception>
    /// <exception cref="HttpStatusException">The final status is not a success and <see cref="HttpRequestInput.FailOnErrorStatus"/> is set.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public override async Task<HttpResponseOutput> RunAsync(TaskActivityContext context, HttpRequestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (method, uri, timeout, attempts) = Validate(input);
        var client = clients.CreateClient(HttpActivityOptions.ClientName);
        for (var attempt = 1; ; attempt++)
        {
            using var request = Build(input, method, uri);
            using var deadline = new CancellationTokenSource(timeout, time);
            TimeSpan? retryAfter;
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
                var status = (int)response.StatusCode;
                if ((status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests) && attempt < attempts)
                {
                    retryAfter = RetryAfter(response);
                    Log.Retrying(logger, method.Method, uri.GetLeftPart(UriPartial.Path), status.ToString(System.Globalization.CultureInfo.InvariantCulture), attempt);
                }
                else
                {
                    var output = await ReadAsync(response, deadline.Token);
                    if (!response.IsSuccessStatusCode && input.FailOnErrorStatus)
                    {
                        throw new HttpStatusException(status, method.Method, uri, attempt);
                    }

                    return output;
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                if (attempt >= attempts)
                {
                    throw new TimeoutException($"{method.Method} {uri.GetLeftPart(UriPartial.Path)} timed out after {timeout} on each of {attempt} attempt(s).");
                }

                retryAfter = null;
                Log.Retrying(logger, method.Method, uri.GetLeftPart(UriPartial.Path), "timeout", attempt);
            }
            catch (HttpRequestException e) when (attempt < attempts)
            {
                retryAfter = null;
                Log.Retrying(logger, method.Method, uri.GetLeftPart(UriPartial.Path), e.Message, attempt);
            }

            await Task.Delay(Delay(attempt, retryAfter), time);
        }
    }

    private (HttpMethod Method, Uri Uri, TimeSpan Timeout, int Attempts) Validate(HttpRequestInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Url) || !Uri.TryCreate(input.Url, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"http needs an absolute 'url'; got '{input.Url}'.", nameof(input));
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"http only calls http and https URLs; got scheme '{uri.Scheme}'.", nameof(input));
        }

        if (!s_methods.Contains(input.Method ?? string.Empty))
        {
            throw new ArgumentException($"http method '{input.Method}' is not one of {string.Join(", ", s_methods)}.", nameof(input));
        }

        var timeout = input.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.DefaultTimeout;
        if (timeout <= TimeSpan.Zero || timeout > options.MaxTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.TimeoutSeconds, $"timeoutSeconds must be above 0 and at most {options.MaxTimeout.TotalSeconds}.");
        }

        var attempts = input.MaxAttempts ?? options.DefaultMaxAttempts;
        if (attempts < 1 || attempts > options.MaxAttempts)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.MaxAttempts, $"maxAttempts must be 1 to {options.MaxAttempts}.");
        }

        if (input.Query is { Count: > 0 } query)
        {
            var builder = new UriBuilder(uri);
            var extra = string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value ?? string.Empty)));
            builder.Query = string.IsNullOrEmpty(builder.Query) ? extra : builder.Query.TrimStart('?') + "&" + extra;
            uri = builder.Uri;
        }

        return (new HttpMethod(input.Method!.ToUpperInvariant()), uri, timeout, attempts);
    }

    private static HttpRequestMessage Build(HttpRequestInput input, HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        if (input.Body is not null)
        {
            request.Content = input.Body is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? new StringContent(value.GetValue<string>(), Encoding.UTF8, "text/plain")
                : new StringContent(input.Body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        foreach (var (name, headerValue) in input.Headers ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, headerValue) && request.Content is not null)
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, headerValue);
            }
        }

        return request;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };

    private TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var wait = retryAfter ?? TimeSpan.FromTicks((long)(options.FirstRetryDelay.Ticks * Math.Pow(2, attempt - 1)));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxRetryDelay ? options.MaxRetryDelay : wait;
    }

    private static async Task<HttpResponseOutput> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? body = null;
        if (text.Length > 0)
        {
            body = JsonValue.Create(text);
            if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                try
                {
                    body = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    // Mislabelled content stays text rather than failing a call that succeeded.
                }
            }
        }

        return new HttpResponseOutput((int)response.StatusCode, headers, body);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "http {Method} {Url} attempt {Attempt} failed ({Reason}); retrying.")]
        public static partial void Retrying(ILogger logger, string method, string url, string reason, int attempt);
    }
}
