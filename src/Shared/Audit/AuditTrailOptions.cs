namespace Serverless.Audit;

/// <summary>Where the audit trail lives.</summary>
public sealed record AuditTrailOptions
{
    /// <summary>The trail table: partition = instance id, rows in time order, plus one head row per instance.</summary>
    public string TrailTable { get; init; } = "AuditTrail";

    /// <summary>The retention index: partition = UTC day (yyyyMMdd), one row per trail row written that day.</summary>
    public string DayIndexTable { get; init; } = "AuditByDay";

    /// <summary>The instance id under which the trail records its own operations (retention sweeps).</summary>
    public string SystemInstanceId { get; init; } = "$system";
}
