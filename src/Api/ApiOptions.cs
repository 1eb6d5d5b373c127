using Serverless.Workflows.Validation;

namespace Serverless.Api;

/// <summary>Settings the handlers share; each host fills them from its configuration.</summary>
public sealed record ApiOptions
{
    /// <summary>The task hub name, echoed in management URLs.</summary>
    public string HubName { get; init; } = "DurableHub";

    /// <summary>The key put in management URLs (<c>code=</c>), or null to leave it out.</summary>
    public string? SystemKey { get; init; }

    /// <summary>
    /// Without a <see cref="SystemKey"/>, put the key the caller sent in its management URLs (the local host): they then
    /// grant what the caller's key grants, never more.
    /// </summary>
    public bool ManagementKeyFromRequest { get; init; }

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>How long finished instances are kept when their workflow sets no <c>retention</c>.</summary>
    public TimeSpan DefaultRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How long audit rows are kept.</summary>
    public TimeSpan AuditRetention { get; init; } = TimeSpan.FromDays(365);

    /// <summary>How late a schedule fire time may be handled and still count as on time (not missed).</summary>
    public TimeSpan ScheduleGrace { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a decision waits for its approval request when the instance is running and has no approval pending
    /// yet (the decision came before the instance asked); after that the answer is 404.
    /// </summary>
    public TimeSpan ApprovalRequestWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Validation of published definitions (activity registry, limits, policies).</summary>
    public ValidationOptions Validation { get; init; } = new();
}
