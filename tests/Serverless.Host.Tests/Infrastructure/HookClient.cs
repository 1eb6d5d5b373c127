using System.Net.Http.Headers;
using System.Text;
using Serverless.Triggers;

namespace Serverless.Host.Tests.Infrastructure;

/// <summary>Sends webhook deliveries the way a shop or GitHub would: raw JSON bytes, signed with the shared secret.</summary>
public static class HookClient
{
    /// <summary>Posts <paramref name="json"/> with a <c>sha256=</c> signature in <paramref name="header"/> (none when <paramref name="secret"/> is null).</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string trigger, string json, string? secret, string header = "X-Hub-Signature-256")
    {
        var body = Encoding.UTF8.GetBytes(json);
        return SendAsync(client, trigger, body, secret is null ? null : (header, TriggerSignature.Sign(secret, body)));
    }

    /// <summary>Posts raw bytes with an optional header.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string trigger, byte[] body, (string Name, string Value)? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/{trigger}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        return await client.SendAsync(request);
    }
}
