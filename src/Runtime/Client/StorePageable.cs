using Azure;

namespace Serverless.Runtime.Client;

/// <summary>An <see cref="AsyncPageable{T}"/> that fetches each page on demand.</summary>
internal sealed class StorePageable<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage) : AsyncPageable<T>
    where T : notnull
{
    /// <inheritdoc />
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = await fetchPage(token, pageSizeHint, CancellationToken);
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}

/// <summary>The placeholder HTTP response Azure.Core's <see cref="Page{T}"/> requires; there is no HTTP here.</summary>
internal sealed class NoResponse : Response
{
    public static NoResponse Instance { get; } = new();

    public override int Status => 200;

    public override string ReasonPhrase => "OK";

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = string.Empty;

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => false;

    protected override IEnumerable<Azure.Core.HttpHeader> EnumerateHeaders() => [];

    protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}
