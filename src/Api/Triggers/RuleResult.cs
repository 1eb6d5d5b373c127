using System.Text.Json.Nodes;

namespace Serverless.Api.Triggers;

/// <summary>One rule's answer to one delivery, as the hook's response and the trigger's audit trail show it.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Workflow">The workflow it starts.</param>
/// <param name="Version">Its pinned version, or null for the active one.</param>
/// <param name="Matched">Whether its condition held (false also when the condition could not be evaluated).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="InstanceId">The instance started or already there.</param>
/// <param name="RuntimeStatus">The status of the instance that was already there.</param>
/// <param name="ErrorStatus">The HTTP status the failure would have had as a start on its own.</param>
/// <param name="ErrorDetail">Why it failed.</param>
public sealed record RuleResult(
    string RuleId, string Workflow, int? Version, bool Matched, RuleOutcome Outcome, string? InstanceId = null, string? RuntimeStatus = null, int? ErrorStatus = null, string? ErrorDetail = null)
{
    /// <summary>The outcome in the camel case the API writes.</summary>
    public string OutcomeName => Outcome switch
    {
        RuleOutcome.NotMatched => "notMatched",
        RuleOutcome.Started => "started",
        RuleOutcome.AlreadyStarted => "alreadyStarted",
        _ => "failed",
    };

    /// <summary>The rule's answer as JSON.</summary>
    /// <returns>The object.</returns>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = RuleId,
            ["matched"] = Matched,
            ["outcome"] = OutcomeName,
            ["workflow"] = Workflow,
            ["version"] = Version,
        };
        if (InstanceId is not null)
        {
            json["instanceId"] = InstanceId;
        }

        if (RuntimeStatus is not null)
        {
            json["runtimeStatus"] = RuntimeStatus;
        }

        if (ErrorDetail is not null)
        {
            json["error"] = new JsonObject { ["status"] = ErrorStatus, ["detail"] = ErrorDetail };
        }

        return json;
    }
}
