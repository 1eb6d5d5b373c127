using System.Text;

namespace Serverless.Host.Tests.Infrastructure;

/// <summary>An HTTP/1.1 response read off the wire.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.TryGetValue("content-type", out var value) ? value : null;

    /// <summary>The response once its head and Content-Length bytes of body have arrived; else null.</summary>
    public static RawResponse? TryParse(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
        {
            return null;
        }

        var lines = text[..headEnd].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return Chunked(bytes, headEnd + 4) is { } chunked ? new RawResponse(status, headers, chunked) : null;
        }

        var length = headers.TryGetValue("content-length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (bytes.Length - (headEnd + 4) < length)
        {
            return null;
        }

        return new RawResponse(status, headers, Encoding.UTF8.GetString(bytes, headEnd + 4, length));
    }

    private static string? Chunked(byte[] bytes, int start)
    {
        using var body = new MemoryStream();
        var at = start;
        while (true)
        {
            var lineEnd = Array.IndexOf(bytes, (byte)'\n', at);
            if (lineEnd < 0)
            {
                return null;
            }

            var size = Convert.ToInt32(Encoding.ASCII.GetString(bytes, at, lineEnd - at).Trim().Split(';')[0], 16);
            if (size == 0)
            {
                return Encoding.UTF8.GetString(body.ToArray());
            }

            if (bytes.Length < lineEnd + 1 + size + 2)
            {
                return null;
            }

            body.Write(bytes, lineEnd + 1, size);
            at = lineEnd + 1 + size + 2;
        }
    }
}
