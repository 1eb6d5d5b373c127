using System.Globalization;
using System.Text.RegularExpressions;
using Azure;

namespace Serverless.Tables;

/// <summary>
/// Reads a <c>$batch</c> response: every embedded <c>HTTP/1.1 nnn</c> status line is a sub-response. On failure
/// the service answers with the failing sub-response only; its index comes from the error message's
/// <c>n:</c> prefix, its Content-ID, or its position.
/// </summary>
internal static partial class TableBatchResponse
{
    public static IReadOnlyList<int> Check(Response response, int actionCount)
    {
        var text = response.Content.ToString();
        var subResponses = StatusLine().Matches(text);
        var statuses = new List<int>(subResponses.Count);
        for (var i = 0; i < subResponses.Count; i++)
        {
            var status = int.Parse(subResponses[i].Groups["status"].Value, CultureInfo.InvariantCulture);
            if (status >= 400)
            {
                var end = i + 1 < subResponses.Count ? subResponses[i + 1].Index : text.Length;
                throw Failure(text[subResponses[i].Index..end], status, i, actionCount);
            }

            statuses.Add(status);
        }

        if (statuses.Count != actionCount)
        {
            throw new RequestFailedException(response.Status, $"The batch response holds {statuses.Count} sub-responses for {actionCount} actions.");
        }

        return statuses;
    }

    private static TableTransactionFailedException Failure(string part, int status, int position, int actionCount)
    {
        var bodyStart = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = bodyStart < 0 ? string.Empty : part[(bodyStart + 4)..];
        var boundary = body.IndexOf("\r\n--", StringComparison.Ordinal);
        body = boundary < 0 ? body.Trim() : body[..boundary].Trim();
        var index = IndexPrefix().Match(body) is { Success: true } m ? int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture)
            : ContentId().Match(part) is { Success: true } c ? int.Parse(c.Groups["id"].Value, CultureInfo.InvariantCulture) - 1
            : actionCount == 1 ? 0 : position;
        var inner = TableRestPipeline.Failure(status, null, body);
        return new TableTransactionFailedException(status, $"Transaction action {index} failed: {inner.Message}", inner.ErrorCode, index);
    }

    [GeneratedRegex(@"^HTTP/1\.1 (?<status>\d{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex("\"value\"\\s*:\\s*\"(?<i>\\d+):")]
    private static partial Regex IndexPrefix();

    [GeneratedRegex(@"^Content-ID:\s*(?<id>\d+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ContentId();
}
