using Azure;
using Durable = Microsoft.DurableTask;

namespace Serverless.Functions.Adapters;

/// <summary>Durable's pageable seen as Azure.Core's (which our port uses), converting each value.</summary>
/// <typeparam name="TSource">Durable's value type.</typeparam>
/// <typeparam name="TTarget">Our value type.</typeparam>
/// <param name="source">The Durable pageable.</param>
/// <param name="convert">Converts one value.</param>
internal sealed class DurablePageable<TSource, TTarget>(Durable.AsyncPageable<TSource> source, Func<TSource, TTarget> convert) : AsyncPageable<TTarget>
    where TSource : notnull
    where TTarget : notnull
{
    /// <inheritdoc />
    public override async IAsyncEnumerable<Page<TTarget>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        await foreach (var page in source.AsPages(continuationToken, pageSizeHint))
        {
            yield return Page<TTarget>.FromValues(page.Values.Select(convert).ToList(), page.ContinuationToken, DurablePageResponse.Instance);
        }
    }
}
