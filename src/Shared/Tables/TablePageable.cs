using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Serverless.Tables;

/// <summary>
/// Query results fetched page by page. The continuation token is the service's next partition and row keys
/// joined by a space (the service's tokens never contain one).
/// </summary>
internal sealed class TablePageable<T>(
    TableRestPipeline rest, string table, string? filter, int? maxPerPage, string[]? select, CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken)
    where T : class, ITableEntity, new()
{
    private static readonly string[] s_keys = ["PartitionKey", "RowKey"];

    /// <inheritdoc />
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = await FetchAsync(token, pageSizeHint ?? maxPerPage, CancellationToken);
            token = page.ContinuationToken;
            yield return page;
        }
        while (token is not null);
    }

    private async Task<Page<T>> FetchAsync(string? token, int? top, CancellationToken ct)
    {
        using var message = rest.CreateMessage(RequestMethod.Get, $"/{table}()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter, escapeValue: true);
        }

        if (top is { } n)
        {
            uri.AppendQuery("$top", n.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
        }

        if (select is { Length: > 0 })
        {
            uri.AppendQuery("$select", string.Join(',', select.Union(s_keys, StringComparer.Ordinal)), escapeValue: true);
        }

        if (token is not null)
        {
            var space = token.IndexOf(' ', StringComparison.Ordinal);
            uri.AppendQuery("NextPartitionKey", space < 0 ? token : token[..space], escapeValue: true);
            if (space >= 0)
            {
                uri.AppendQuery("NextRowKey", token[(space + 1)..], escapeValue: true);
            }
        }

        var response = await rest.SendAsync(message, ct, 200);
        return Page<T>.FromValues(Read(response), NextToken(response), response);
    }

    private static List<T> Read(Response response)
    {
        using var doc = JsonDocument.Parse(response.Content);
        var items = new List<T>();
        foreach (var element in doc.RootElement.GetProperty("value").EnumerateArray())
        {
            items.Add(TableEntityMapper.FromTableEntity<T>(TableEntityJson.Read(element)));
        }

        return items;
    }

    private static string? NextToken(Response response)
    {
        if (!response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var pk) || string.IsNullOrEmpty(pk))
        {
            return null;
        }

        return response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rk) && !string.IsNullOrEmpty(rk) ? pk + " " + rk : pk;
    }
}
