namespace Serverless.Api.Access;

/// <summary>
/// What a caller may do. Every route names the one role it needs (<see cref="Routing.ApiRoute.Role"/>); a caller holds
/// a set. <see cref="Admin"/> holds every role, and every role but <see cref="Anyone"/> includes <see cref="Reader"/>.
/// </summary>
public enum ApiRole
{
    /// <summary>No role: the route needs no key (health, the OpenAPI document, the dashboard's files, webhooks).</summary>
    Anyone,

    /// <summary>Every read: definitions, status, lists, metrics, audit trails, schedules, the approvals inbox.</summary>
    Reader,

    /// <summary>Publish definitions and choose the active version.</summary>
    Author,

    /// <summary>Start, terminate, suspend, resume, restart, rewind and purge instances, raise events, manage schedules and triggers.</summary>
    Operator,

    /// <summary>Decide approvals (only on steps that list the caller).</summary>
    Approver,

    /// <summary>Everything.</summary>
    Admin,
}
