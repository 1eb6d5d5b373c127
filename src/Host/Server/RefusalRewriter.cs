using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace Serverless.Host.Server;

/// <summary>
/// A pass-through <see cref="PipeWriter"/> that turns a bodiless 4xx response written by the server itself into a
/// problem document. Every answer of our handlers, the key filter and the status-code pages has a body, so a 4xx head
/// with <c>Content-Length: 0</c> and <c>Connection: close</c> in one flush is Kestrel refusing the request.
/// Everything else is written unchanged.
/// </summary>
/// <param name="inner">The transport's writer.</param>
internal sealed class RefusalRewriter(PipeWriter inner) : PipeWriter
{
    private static readonly byte[] Http11 = "HTTP/1.1 4"u8.ToArray();
    private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] Close = "\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private readonly ArrayBufferWriter<byte> _pending = new(4096);

    /// <inheritdoc />
    public override void Advance(int bytes) => _pending.Advance(bytes);

    /// <inheritdoc />
    public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

    /// <inheritdoc />
    public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

    /// <inheritdoc />
    public override bool CanGetUnflushedBytes => true;

    /// <inheritdoc />
    public override long UnflushedBytes => _pending.WrittenCount;

    /// <inheritdoc />
    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    /// <inheritdoc />
    public override void Complete(Exception? exception = null)
    {
        MovePending();
        inner.Complete(exception);
    }

    /// <inheritdoc />
    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        MovePending();
        await inner.CompleteAsync(exception);
    }

    /// <inheritdoc />
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        MovePending();
        return inner.FlushAsync(cancellationToken);
    }

    /// <summary>The response with a problem body when <paramref name="written"/> is a bodiless server refusal; else null.</summary>
    /// <param name="written">Bytes written since the last flush.</param>
    /// <returns>The rewritten response, or null to pass the bytes on as they are.</returns>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        var headEnd = written.IndexOf(HeadEnd);
        if (!written.StartsWith(Http11) || headEnd < 0 || headEnd + HeadEnd.Length != written.Length)
        {
            return null;
        }

        var head = written[..(headEnd + 2)];
        var emptyBody = head.IndexOf(EmptyBody);
        if (emptyBody < 0 || head.IndexOf(Close) < 0)
        {
            return null;
        }

        var statusLine = Encoding.ASCII.GetString(written[..written.IndexOf("\r\n"u8)]);
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], out var status))
        {
            return null;
        }

        var title = parts.Length == 3 ? parts[2] : "Bad Request";
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = Detail(status),
        });
        var output = new ArrayBufferWriter<byte>(written.Length + body.Length + 64);
        output.Write(head[..emptyBody]);
        output.Write(Encoding.ASCII.GetBytes($"\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\n"));
        output.Write(head[(emptyBody + EmptyBody.Length)..]);
        output.Write("\r\n"u8);
        output.Write(body);
        return output.WrittenSpan.ToArray();
    }

    private static string Detail(int status) => status switch
    {
        431 => "The request headers are larger than the server accepts.",
        414 => "The request target is longer than the server accepts.",
        413 => "The request body is larger than the server accepts.",
        408 => "The request did not arrive in time.",
        _ => "The server could not read this request: the request line, target (for example a %00 in the path) or headers are malformed.",
    };

    private void MovePending()
    {
        if (_pending.WrittenCount == 0)
        {
            return;
        }

        var written = _pending.WrittenSpan;
        inner.Write(Rewrite(written) is { } rewritten ? rewritten : written);
        _pending.ResetWrittenCount();
    }
}
