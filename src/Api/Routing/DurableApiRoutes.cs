using Serverless.Api.Access;

namespace Serverless.Api.Routing;

/// <summary>
/// The Durable Functions built-in HTTP API, as Microsoft's "HTTP API reference" documents it. In Azure the Functions
/// host serves these itself; the local host maps them from this table so Durable clients and tools work unchanged.
/// </summary>
public static class DurableApiRoutes
{
    /// <summary>The route prefix of the built-in API.</summary>
    public const string Prefix = "runtime/webhooks/durabletask";

    /// <summary>Start an orchestration.</summary>
    public static readonly ApiRoute Start = new("DurableStart", ["POST"], "orchestrators/{functionName}/{instanceId?}", RouteAuthorization.System, "Start an orchestrator function (?timeout=&pollingInterval= to wait for it to finish).") { Role = ApiRole.Operator };

    /// <summary>Get one instance's status.</summary>
    public static readonly ApiRoute GetStatus = new("DurableGetStatus", ["GET"], "instances/{instanceId}", RouteAuthorization.System, "Instance status (showHistory, showHistoryOutput, showInput, returnInternalServerErrorOnFailure).") { Role = ApiRole.Reader };

    /// <summary>List instances.</summary>
    public static readonly ApiRoute List = new("DurableList", ["GET"], "instances", RouteAuthorization.System, "List instances (runtimeStatus, createdTimeFrom/To, instanceIdPrefix, showInput, top, x-ms-continuation-token).") { Role = ApiRole.Reader };

    /// <summary>Purge one instance.</summary>
    public static readonly ApiRoute PurgeOne = new("DurablePurgeInstance", ["DELETE"], "instances/{instanceId}", RouteAuthorization.System, "Purge one instance's history.") { Role = ApiRole.Operator };

    /// <summary>Purge by filter.</summary>
    public static readonly ApiRoute PurgeMany = new("DurablePurgeInstances", ["DELETE"], "instances", RouteAuthorization.System, "Purge finished instances by filter.") { Role = ApiRole.Operator };

    /// <summary>Raise an event.</summary>
    public static readonly ApiRoute RaiseEvent = new("DurableRaiseEvent", ["POST"], "instances/{instanceId}/raiseEvent/{eventName}", RouteAuthorization.System, "Send an event to an instance.") { Role = ApiRole.Operator };

    /// <summary>Terminate.</summary>
    public static readonly ApiRoute Terminate = new("DurableTerminate", ["POST"], "instances/{instanceId}/terminate", RouteAuthorization.System, "Terminate a running instance (?reason=).") { Role = ApiRole.Operator };

    /// <summary>Suspend.</summary>
    public static readonly ApiRoute Suspend = new("DurableSuspend", ["POST"], "instances/{instanceId}/suspend", RouteAuthorization.System, "Suspend a running instance (?reason=).") { Role = ApiRole.Operator };

    /// <summary>Resume.</summary>
    public static readonly ApiRoute Resume = new("DurableResume", ["POST"], "instances/{instanceId}/resume", RouteAuthorization.System, "Resume a suspended instance (?reason=).") { Role = ApiRole.Operator };

    /// <summary>Rewind.</summary>
    public static readonly ApiRoute Rewind = new("DurableRewind", ["POST"], "instances/{instanceId}/rewind", RouteAuthorization.System, "Rewind a failed instance (412 when not failed; 501 because the embedded runtime cannot rewind: restart instead).") { Role = ApiRole.Operator };

    /// <summary>Restart.</summary>
    public static readonly ApiRoute Restart = new("DurableRestart", ["POST"], "instances/{instanceId}/restart", RouteAuthorization.System, "Restart a finished instance (?restartWithNewInstanceId=).") { Role = ApiRole.Operator };

    /// <summary>Every built-in route.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [Start, GetStatus, List, PurgeOne, PurgeMany, RaiseEvent, Terminate, Suspend, Resume, Rewind, Restart];
}
