using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Serverless.Workflows.Parsing;

namespace Serverless.Api.Http;

/// <summary>Reads request bodies within a size limit.</summary>
public static class RequestBody
{
    /// <summary>The body as UTF-8 text; 413 past <paramref name="maxBytes"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="maxBytes">The limit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The text (empty when there is no body).</returns>
    /// <exception cref="ApiProblemException">The body is larger than the limit or not UTF-8.</exception>
    public static async Task<string> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(request, maxBytes, cancellationToken);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.Span);
        }
        catch (DecoderFallbackException e)
        {
            throw ApiProblemException.BadRequest($"The body is not valid UTF-8: {e.Message}");
        }
    }

    /// <summary>The body's raw bytes (what a webhook signature covers); 413 past <paramref name="maxBytes"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="maxBytes">The limit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bytes (empty when there is no body).</returns>
    /// <exception cref="ApiProblemException">The body is larger than the limit.</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(request.ContentLength.Value, maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(buffer.Length + read, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The body as one JSON value, or null when empty.</summary>
    /// <param name="request">The request.</param>
    /// <param name="maxBytes">The limit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value, or null.</returns>
    /// <exception cref="ApiProblemException">Too large, or not JSON (the detail names the line and position).</exception>
    public static async Task<JsonElement?> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(request, maxBytes, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ApiProblemException(400, "Malformed JSON", $"The body is not valid JSON. {JsonSyntaxError.Describe(e, text)}", Location(e, text));
        }
    }

    /// <summary>The body as a JSON object; 400 when it is missing or another kind of value.</summary>
    /// <param name="request">The request.</param>
    /// <param name="maxBytes">The limit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The object.</returns>
    /// <exception cref="ApiProblemException">Too large, not JSON, or not an object.</exception>
    public static async Task<JsonElement> ReadObjectAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        await ReadJsonAsync(request, maxBytes, cancellationToken) is { ValueKind: JsonValueKind.Object } body
            ? body
            : throw ApiProblemException.BadRequest("The body must be a JSON object.");

    private static Dictionary<string, object?>? Location(JsonException error, string text) =>
        JsonSyntaxError.Position(error, Encoding.UTF8.GetBytes(text)) is { } at
            ? new Dictionary<string, object?> { ["line"] = at.Line, ["column"] = at.Column, ["path"] = error.Path }
            : null;

    private static ApiProblemException TooLarge(long actual, int limit) =>
        new(413, "Payload too large", $"The body is at least {actual:N0} bytes; the limit is {limit:N0} bytes.");
}
