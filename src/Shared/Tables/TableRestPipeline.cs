using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Tables;

/// <summary>The account endpoint plus the Azure.Core pipeline (retries, timeouts, auth) every request goes through.</summary>
internal sealed class TableRestPipeline
{
    private const string TokenScope = "https://storage.azure.com/.default";

    private readonly string _serviceVersion;

    private TableRestPipeline(Uri endpoint, HttpPipeline pipeline, string serviceVersion)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The table endpoint '{endpoint}' is not an absolute http(s) URI.", nameof(endpoint));
        }

        Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/'));
        Pipeline = pipeline;
        _serviceVersion = serviceVersion;
    }

    public Uri Endpoint { get; }

    public HttpPipeline Pipeline { get; }

    public static TableRestPipeline Create(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new TableClientOptions();
        return new(endpoint, HttpPipelineBuilder.Build(options, new SharedKeyLitePolicy(credential, TimeProvider.System)), options.ServiceVersion);
    }

    public static TableRestPipeline Create(Uri endpoint, TokenCredential credential, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new TableClientOptions();
        return new(
            endpoint,
            HttpPipelineBuilder.Build(options, new MsDatePolicy(TimeProvider.System), new BearerTokenAuthenticationPolicy(credential, TokenScope)),
            options.ServiceVersion);
    }

    /// <summary>A request to <paramref name="escapedPath"/> (already percent-encoded) under the account endpoint.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string escapedPath, byte[]? jsonBody = null)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        request.Uri.AppendPath(escapedPath, escape: false);
        request.Headers.SetValue("x-ms-version", _serviceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        if (jsonBody is not null)
        {
            request.Headers.SetValue("Content-Type", "application/json");
            request.Content = RequestContent.Create(jsonBody);
        }

        return message;
    }

    /// <summary>Sends and returns the response; any status not in <paramref name="accepted"/> becomes a <see cref="RequestFailedException"/>.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] accepted)
    {
        await Pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (Array.IndexOf(accepted, response.Status) >= 0 || (accepted.Length == 0 && !response.IsError))
        {
            return response;
        }

        throw Failure(response);
    }

    /// <summary>The exception describing a failed response.</summary>
    public static RequestFailedException Failure(Response response) =>
        Failure(response.Status, response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null, response.Content.ToString());

    /// <summary>Builds the exception for a failed (sub-)response from its status, error-code header and OData error body.</summary>
    public static RequestFailedException Failure(int status, string? headerCode, string body, int? failedIndex = null)
    {
        var (code, text) = ParseError(body);
        code = headerCode ?? code;
        var message = $"{text ?? "The Table service rejected the request."}\nStatus: {status}\nErrorCode: {code}";
        return failedIndex is { } index
            ? new TableTransactionFailedException(status, message, code, index)
            : new RequestFailedException(status, message, code, null);
    }

    private static (string? Code, string? Message) ParseError(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("odata.error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var text = error.TryGetProperty("message", out var m)
                    ? m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString()
                    : null;
                return (code, text);
            }
        }
        catch (JsonException)
        {
        }

        return (null, string.IsNullOrWhiteSpace(body) ? null : body);
    }
}
