using Azure;

namespace Serverless.Tables;

public partial class TableClient
{
    /// <summary>
    /// Queries the table. Pages follow the service's continuation tokens until the result is exhausted;
    /// enumerate the result for entities or call <see cref="AsyncPageable{T}.AsPages"/> to resume from a token.
    /// </summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="filter">An OData filter; build it with <see cref="CreateQueryFilter"/> to escape values.</param>
    /// <param name="maxPerPage">At most this many entities per page (the service caps a page at 1,000).</param>
    /// <param name="select">Only these properties (plus keys) are returned.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The lazily fetched pages.</returns>
    public virtual AsyncPageable<T> QueryAsync<T>(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1,000 entities.");
        }

        return new TablePageable<T>(_rest, Name, filter, maxPerPage, select?.ToArray(), cancellationToken);
    }
}
