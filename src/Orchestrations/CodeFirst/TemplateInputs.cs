using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Templates;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Evaluates activity-input templates inside orchestrators: pure and deterministic (time from the context).</summary>
internal static class TemplateInputs
{
    /// <summary>Checks a template's syntax up front, so a bad template fails the run before any activity is called.</summary>
    /// <exception cref="ArgumentException">The template has a syntax error; <paramref name="what"/> names where it is.</exception>
    public static void CheckSyntax(JsonNode? template, string what)
    {
        try
        {
            _ = JsonTemplate.Parse(template);
        }
        catch (ExpressionException e)
        {
            throw new ArgumentException($"The input template of {what} is invalid: {e.Message}", nameof(template), e);
        }
    }

    /// <summary>Evaluates <paramref name="template"/>; a template without holes comes back as a copy.</summary>
    /// <exception cref="ArgumentException">The template has a syntax error or a hole fails.</exception>
    public static JsonNode? Evaluate(TaskOrchestrationContext context, JsonNode? template, JsonNode? input, IReadOnlyDictionary<string, StepResult>? steps = null, JsonNode? item = null)
    {
        if (template is null)
        {
            return null;
        }

        try
        {
            return JsonTemplate.Parse(template).Evaluate(new EvaluationScope
            {
                Input = input,
                Steps = steps ?? new Dictionary<string, StepResult>(),
                Item = item,
                InstanceId = context.InstanceId,
                Now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero),
            });
        }
        catch (ExpressionException e)
        {
            throw new ArgumentException($"An activity input template could not be evaluated: {e.Message}", nameof(template), e);
        }
    }
}
