using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Api.Http;
using Serverless.Durable;
using Serverless.Triggers;
using Serverless.Workflows.Expressions;

namespace Serverless.Api.Triggers;

public sealed partial class HookEndpoint
{
    // A rule's failure is its own: it is answered as data and the other rules still run. Only a failure of our own
    // (a store down) escapes, as a 500 the sender retries; deterministic instance ids make that retry safe.
    private async Task<RuleResult> RunRuleAsync(
        DurableTaskClient client, Delivery delivery, TriggerRule rule, EvaluationScope scope, JsonNode? body, CancellationToken cancellationToken)
    {
        RuleResult Failed(bool matched, int status, string detail, string? instanceId = null)
        {
            Log.RuleFailed(_logger, delivery.Trigger, rule.Id, detail);
            return new(rule.Id, rule.Workflow, rule.Version, matched, RuleOutcome.Failed, instanceId, ErrorStatus: status, ErrorDetail: detail);
        }

        try
        {
            if (rule.When is { } when && !when.IsTrue(scope))
            {
                return new(rule.Id, rule.Workflow, rule.Version, false, RuleOutcome.NotMatched);
            }
        }
        catch (ExpressionException e)
        {
            return Failed(false, 400, $"The condition could not be evaluated: {e.Message}");
        }

        JsonElement? input;
        string? instanceId = null;
        try
        {
            var node = rule.Input is { } template ? template.Evaluate(scope) : body;
            input = node is null ? null : JsonSerializer.SerializeToElement(node);
            if (rule.InstanceId is { } idTemplate)
            {
                var id = idTemplate.Evaluate(scope);
                instanceId = id is null ? null : JsonValues.Stringify(id);
                if (InstanceIds.Problem(instanceId) is { } problem)
                {
                    return Failed(true, 400, $"The instance id template gave '{instanceId}': {problem}");
                }
            }
        }
        catch (ExpressionException e)
        {
            return Failed(true, 400, $"The input or instance id could not be built: {e.Message}");
        }
        catch (JsonException e)
        {
            return Failed(true, 400, $"The input could not be built: {e.Message}");
        }

        try
        {
            if (instanceId is not null && await client.GetInstanceAsync(instanceId, false, cancellationToken) is { } existing)
            {
                return new(rule.Id, rule.Workflow, rule.Version, true, RuleOutcome.AlreadyStarted, instanceId, existing.RuntimeStatus.ToString());
            }

            var started = await _starter.StartAsync(
                client, rule.Workflow, rule.Version, instanceId, input, $"trigger:{delivery.Trigger}/{rule.Id}", delivery.CorrelationId, cancellationToken);
            return new(rule.Id, rule.Workflow, rule.Version, true, RuleOutcome.Started, started);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return new(rule.Id, rule.Workflow, rule.Version, true, RuleOutcome.AlreadyStarted, instanceId);
        }
        catch (ApiProblemException e)
        {
            return Failed(true, e.Status, e.Message, instanceId);
        }
        catch (DurableLimitExceededException e)
        {
            return Failed(true, 413, e.Message, instanceId);
        }
    }
}
