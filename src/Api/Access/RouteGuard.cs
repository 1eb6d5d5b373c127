using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Api.Http;
using Serverless.Api.Routing;
using Serverless.Audit;

namespace Serverless.Api.Access;

/// <summary>
/// Runs before every route's handler on both hosts: establishes the caller (<see cref="CallerResolver"/>) and lets the
/// call through only when one of its roles grants the route's <see cref="ApiRoute.Role"/>. A refusal is a 403 problem
/// that names the role needed, is written to the <see cref="AuditStreams.Access"/> trail, and changes nothing else.
/// </summary>
public sealed partial class RouteGuard
{
    /// <summary>The audit event of a refused call.</summary>
    public const string AccessRefused = "AccessRefused";

    private readonly CallerResolver _resolver;
    private readonly AuditTrail _trail;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the guard.</summary>
    /// <param name="resolver">Establishes callers.</param>
    /// <param name="trail">Where refusals are recorded.</param>
    /// <param name="time">The clock of refusal entries.</param>
    /// <param name="logger">Diagnostics (never a key, token or principal header).</param>
    public RouteGuard(CallerResolver resolver, AuditTrail trail, TimeProvider time, ILogger<RouteGuard>? logger = null)
    {
        _resolver = resolver;
        _trail = trail;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Checks a call; null lets it through, anything else is the answer to send instead of the handler's.</summary>
    /// <param name="request">The request.</param>
    /// <param name="route">The route it reached.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Null when allowed; a 400, 401 or 403 problem otherwise.</returns>
    public async Task<IResult?> CheckAsync(HttpRequest request, ApiRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        if (route.Authorization == RouteAuthorization.Anonymous)
        {
            return null;
        }

        var needed = route.Role ?? throw new InvalidOperationException($"Route {route.FunctionName} names no role (ApiRoute.Role).");
        Caller caller;
        try
        {
            caller = await _resolver.ResolveAsync(request, cancellationToken);
        }
        catch (ApiProblemException e)
        {
            return Problems.From(e);
        }

        CallerIdentity.SetCaller(request, caller);
        if (caller.May(needed))
        {
            return null;
        }

        var neededName = ApiRoles.Name(needed);
        var held = ApiRoles.Names(caller.Roles);
        await RecordAsync(request, route, caller, neededName, held, cancellationToken);
        return Problems.Create(
            StatusCodes.Status403Forbidden,
            "Role required",
            $"{route.FunctionName} needs the {neededName} role (or admin); {Who(caller)} holds {(held.Count == 0 ? "no role" : string.Join(", ", held))}.",
            new Dictionary<string, object?> { ["requiredRole"] = neededName, ["roles"] = held });
    }

    private static string Who(Caller caller) => caller.Name is { } name ? $"'{name}' ({caller.Via})" : $"the caller ({caller.Via})";

    private async Task RecordAsync(HttpRequest request, ApiRoute route, Caller caller, string needed, IReadOnlyList<string> held, CancellationToken cancellationToken)
    {
        Log.Refused(_logger, route.FunctionName, needed, caller.Name ?? caller.Via);
        try
        {
            await _trail.AppendAsync(
                new AuditEntry
                {
                    InstanceId = AuditStreams.Access,
                    WorkflowName = AuditStreams.Access,
                    EventType = AccessRefused,
                    Actor = caller.Name ?? caller.Via,
                    Time = _time.GetUtcNow(),
                    // The path, never the query: a key may travel as ?code=.
                    DetailsJson = new JsonObject
                    {
                        ["route"] = route.FunctionName,
                        ["method"] = request.Method,
                        ["path"] = $"{request.PathBase}{request.Path}",
                        ["requiredRole"] = needed,
                        ["roles"] = new JsonArray([.. held.Select(r => (JsonNode)r)]),
                        ["via"] = caller.Via,
                    }.ToJsonString(),
                    CorrelationId = request.HttpContext.TraceIdentifier is { Length: > 0 and <= 1024 } trace ? trace : null,
                },
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The call stays refused; a store that cannot take the entry must not turn a 403 into a 500.
            Log.AuditFailed(_logger, route.FunctionName, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6701, Level = LogLevel.Information, Message = "Refused {Route}: it needs the {Role} role, which {Caller} does not hold.")]
        public static partial void Refused(ILogger logger, string route, string role, string caller);

        [LoggerMessage(EventId = 6702, Level = LogLevel.Error, Message = "Could not record the refusal of {Route} in the access trail.")]
        public static partial void AuditFailed(ILogger logger, string route, Exception exception);
    }
}
