using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Api.Http;
using Serverless.Audit;

namespace Serverless.Api.Access;

/// <summary>
/// Writes refused calls to the <see cref="AuditStreams.Access"/> trail: who, which route, the role needed, when, and
/// why; never a key, token, principal header or query string. A store that cannot take the entry is logged and the
/// call stays refused.
/// </summary>
public sealed partial class AccessTrail
{
    /// <summary>The audit event of a refused call.</summary>
    public const string AccessRefused = "AccessRefused";

    private readonly AuditTrail _trail;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the writer.</summary>
    /// <param name="trail">The audit trail.</param>
    /// <param name="time">The clock of entries.</param>
    /// <param name="logger">Diagnostics.</param>
    public AccessTrail(AuditTrail trail, TimeProvider time, ILogger<AccessTrail>? logger = null)
    {
        _trail = trail;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Records one refusal.</summary>
    /// <param name="request">The refused request.</param>
    /// <param name="route">The route's function name.</param>
    /// <param name="requiredRole">The role the call needed.</param>
    /// <param name="reason">Why it was refused, in a sentence without secrets.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is written (or the failure logged).</returns>
    public async Task RecordAsync(HttpRequest request, string route, ApiRole requiredRole, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = CallerIdentity.Caller(request);
        var actor = caller is not null ? caller.Name ?? caller.Via : CallerIdentity.HeaderName(request) ?? "unknown";
        var needed = ApiRoles.Name(requiredRole);
        // The log says how the caller was recognised, not who it is: names stay in the audit trail, out of logs.
        Log.Refused(_logger, route, needed, caller?.Via ?? "a principal without a resolved caller");
        try
        {
            await _trail.AppendAsync(
                new AuditEntry
                {
                    InstanceId = AuditStreams.Access,
                    WorkflowName = AuditStreams.Access,
                    EventType = AccessRefused,
                    Actor = actor,
                    Time = _time.GetUtcNow(),
                    DetailsJson = new JsonObject
                    {
                        ["route"] = route,
                        ["method"] = request.Method,
                        // The path, never the query: a key may travel as ?code=.
                        ["path"] = $"{request.PathBase}{request.Path}",
                        ["requiredRole"] = needed,
                        ["roles"] = caller is null ? null : new JsonArray([.. ApiRoles.Names(caller.Roles).Select(r => (JsonNode)r)]),
                        ["via"] = caller?.Via,
                        ["reason"] = reason,
                    }.ToJsonString(),
                    CorrelationId = request.HttpContext.TraceIdentifier is { Length: > 0 and <= 1024 } trace ? trace : null,
                },
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The call stays refused; a store that cannot take the entry must not turn a 403 into a 500.
            Log.AuditFailed(_logger, route, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6701, Level = LogLevel.Warning, Message = "Refused {Route} (needs {Role}) for a caller recognised by {Via}.")]
        public static partial void Refused(ILogger logger, string route, string role, string via);

        [LoggerMessage(EventId = 6702, Level = LogLevel.Error, Message = "Could not record the refusal of {Route} in the access trail.")]
        public static partial void AuditFailed(ILogger logger, string route, Exception exception);
    }
}
