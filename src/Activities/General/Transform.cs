using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Templates;

namespace Serverless.Activities.General;

/// <summary>Input of <see cref="Transform"/>.</summary>
public sealed record TransformInput
{
    /// <summary>The JSON template: the result's shape, with <c>{{ }}</c> holes when <see cref="Data"/> is given.</summary>
    public JsonNode? Template { get; init; }

    /// <summary>
    /// The value the holes read as <c>input</c>. When absent the template is returned as is: the interpreter
    /// has already evaluated it against the workflow's scope (docs/dsl.md).
    /// </summary>
    public JsonNode? Data { get; init; }

    /// <summary>Extra values the holes read as <c>vars.&lt;name&gt;</c>.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Vars { get; init; }
}

/// <summary>Activity <c>transform</c>: maps data into a new JSON shape with the workflow template language.</summary>
public sealed class Transform(TimeProvider time) : TaskActivity<TransformInput?, JsonNode?>
{
    /// <summary>The registered name.</summary>
    public const string Name = "transform";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The template has a syntax error or a hole fails to evaluate.</exception>
    public override Task<JsonNode?> RunAsync(TaskActivityContext context, TransformInput? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (input?.Template is null)
        {
            return Task.FromResult<JsonNode?>(null);
        }

        if (input.Data is null && input.Vars is null)
        {
            return Task.FromResult<JsonNode?>(input.Template.DeepClone());
        }

        try
        {
            var template = JsonTemplate.Parse(input.Template);
            var scope = new EvaluationScope
            {
                Input = input.Data,
                Vars = input.Vars ?? new Dictionary<string, JsonNode?>(),
                InstanceId = context.InstanceId,
                Now = time.GetUtcNow(),
            };
            return Task.FromResult(template.Evaluate(scope));
        }
        catch (ExpressionException e)
        {
            throw new ArgumentException($"The transform template could not be evaluated: {e.Message}", nameof(input), e);
        }
    }
}
