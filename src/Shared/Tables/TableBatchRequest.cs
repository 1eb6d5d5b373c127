using System.Text;

namespace Serverless.Tables;

/// <summary>
/// The body of a <c>$batch</c> request: one multipart/mixed batch holding one changeset, each part a full
/// HTTP request (request line, headers, blank line, JSON body).
/// </summary>
internal sealed class TableBatchRequest
{
    public TableBatchRequest(IReadOnlyList<Part> parts)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        ContentType = "multipart/mixed; boundary=" + batch;
        var text = new StringBuilder();
        text.Append("--").Append(batch).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        for (var i = 0; i < parts.Count; i++)
        {
            AppendPart(text, changeset, i, parts[i]);
        }

        text.Append("--").Append(changeset).Append("--\r\n")
            .Append("--").Append(batch).Append("--\r\n");
        Body = Encoding.UTF8.GetBytes(text.ToString());
    }

    public string ContentType { get; }

    public byte[] Body { get; }

    private static void AppendPart(StringBuilder text, string changeset, int index, Part part)
    {
        text.Append("--").Append(changeset).Append("\r\n")
            .Append("Content-Type: application/http\r\n")
            .Append("Content-Transfer-Encoding: binary\r\n")
            .Append("Content-ID: ").Append(index + 1).Append("\r\n\r\n")
            .Append(part.Method).Append(' ').Append(part.Uri).Append(" HTTP/1.1\r\n")
            .Append("Accept: application/json;odata=minimalmetadata\r\n")
            .Append("DataServiceVersion: 3.0\r\n")
            .Append("Prefer: return-no-content\r\n");
        if (part.IfMatch is not null)
        {
            text.Append("If-Match: ").Append(part.IfMatch).Append("\r\n");
        }

        if (part.JsonBody is not null)
        {
            text.Append("Content-Type: application/json\r\n\r\n").Append(Encoding.UTF8.GetString(part.JsonBody)).Append("\r\n");
        }
        else
        {
            text.Append("\r\n");
        }
    }

    /// <summary>One sub-request.</summary>
    public sealed record Part(string Method, string Uri, string? IfMatch, byte[]? JsonBody);
}
