using System.Runtime.CompilerServices;
using Serverless.Storage;

namespace Serverless.Audit;

public sealed partial class AuditTrail
{
    /// <summary>
    /// One instance's trail in sequence order: a single-partition range query whose row keys are the zero-padded
    /// sequence, so the store returns the rows in order. Rows of a trail not yet migrated from the old scheme
    /// (keys sort by time, <see cref="MigrateLegacyRowsAsync"/>) sort after every sequence key; only those are
    /// put in sequence order here.
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The stored records.</returns>
    public async IAsyncEnumerable<AuditRecord> ReadTrailAsync(string instanceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = TableStoreQuery.Partition(instanceId, new TableCondition("RowKey", TableComparison.LessThan, AuditRows.EntryRowKeyLimit));
        List<AuditRecord>? legacy = null;
        await foreach (var row in _store.QueryAllAsync(_options.TrailTable, query, cancellationToken))
        {
            var record = AuditRows.FromEntity(row);
            if (AuditHashing.IsLegacyRowKey(record.RowKey))
            {
                (legacy ??= []).Add(record);
            }
            else
            {
                yield return record;
            }
        }

        foreach (var record in legacy?.OrderBy(r => r.Sequence) ?? Enumerable.Empty<AuditRecord>())
        {
            yield return record;
        }
    }
}
