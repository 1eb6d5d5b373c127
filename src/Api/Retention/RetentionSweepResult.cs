using Serverless.Audit;

namespace Serverless.Api.Retention;

/// <summary>What one retention sweep removed.</summary>
/// <param name="PurgedInstanceIds">Finished instances purged (history and status).</param>
/// <param name="Audit">What the audit-trail retention removed.</param>
public sealed record RetentionSweepResult(IReadOnlyList<string> PurgedInstanceIds, AuditRetentionResult Audit);
