namespace Serverless.Audit;

/// <summary>An audit entry as stored: its place in the instance's hash chain.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="RowKey">Its row key: the zero-padded sequence (or, in a trail not yet migrated, time ticks and content hash).</param>
/// <param name="Sequence">Its position in the instance's chain, from 1.</param>
/// <param name="PreviousHash">The hash of the row before it in the chain (empty for the first).</param>
/// <param name="Hash">SHA-256 over its sequence, previous hash and content.</param>
public sealed record AuditRecord(AuditEntry Entry, string RowKey, long Sequence, string PreviousHash, string Hash);
