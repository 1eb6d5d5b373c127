using System.Runtime.CompilerServices;
using Azure.Data.Tables;

namespace Serverless.Storage;

/// <summary>Conveniences over <see cref="ITableStore"/>.</summary>
public static class TableStoreExtensions
{
    /// <summary>Every entity matching <paramref name="query"/>, following continuation tokens.</summary>
    /// <param name="store">The store.</param>
    /// <param name="table">The table.</param>
    /// <param name="query">The query; its continuation token is where to start.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entities, in key order.</returns>
    public static async IAsyncEnumerable<TableEntity> QueryAllAsync(
        this ITableStore store, string table, TableStoreQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = query;
        do
        {
            var page = await store.QueryAsync(table, next, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            next = page.ContinuationToken is null ? null : next with { ContinuationToken = page.ContinuationToken };
        }
        while (next is not null);
    }
}
