namespace Serverless.Activities.General;

/// <summary>Output of <see cref="RecordAudit"/>.</summary>
/// <param name="Id">The entry's idempotency id (the same on every redelivery).</param>
/// <param name="Recorded">True when this run wrote the entry; false when a previous delivery already had.</param>
public sealed record AuditOutput(string Id, bool Recorded);
