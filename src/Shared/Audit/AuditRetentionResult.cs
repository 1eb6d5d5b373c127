namespace Serverless.Audit;

/// <summary>What one retention sweep removed.</summary>
/// <param name="Cutoff">Rows written before this instant were eligible.</param>
/// <param name="RowsDeleted">Trail rows deleted.</param>
/// <param name="InstancesPruned">Instances that lost at least one row.</param>
/// <param name="IndexRowsDeleted">Day-index rows deleted.</param>
/// <param name="Batches">Entity-group transactions submitted (each at most 100 rows of one partition).</param>
public sealed record AuditRetentionResult(DateTimeOffset Cutoff, int RowsDeleted, int InstancesPruned, int IndexRowsDeleted, int Batches);
