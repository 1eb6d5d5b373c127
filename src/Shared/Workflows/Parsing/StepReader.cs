using System.Text.Json.Nodes;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;
using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Parsing;

/// <summary>Reads step lists and the common step fields, dispatching on <c>kind</c>.</summary>
internal sealed partial class StepReader(DiagnosticBag diagnostics)
{
    private static readonly Dictionary<string, StepKind> Kinds =
        Enum.GetValues<StepKind>().ToDictionary(k => ObjectReader.EnumName(k), k => k, StringComparer.Ordinal);

    public StepSequence ReadSequence(JsonArray? array, string path)
    {
        if (array is null)
            return new StepSequence(path, []);
        if (array.Count == 0)
            diagnostics.Add(DiagnosticCodes.EmptySteps, path, "A step list must contain at least one step.");
        var steps = new List<WorkflowStep>();
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = JsonPath.Item(path, i);
            if (array[i] is JsonObject obj)
            {
                if (ReadStep(new ObjectReader(obj, itemPath, diagnostics)) is { } step)
                    steps.Add(step);
            }
            else
                diagnostics.Add(DiagnosticCodes.WrongType, itemPath, $"A step must be an object, not {JsonValues.TypeName(array[i])}.");
        }
        return new StepSequence(path, steps);
    }

    private WorkflowStep? ReadStep(ObjectReader reader)
    {
        var id = reader.String("id", required: true);
        if (id is not null && !WorkflowParser.IsIdentifier(id))
            diagnostics.Add(DiagnosticCodes.InvalidIdentifier, reader.PathOf("id"),
                $"Step id '{id}' must be a letter followed by up to 63 letters, digits or '_'.");
        var kindText = reader.String("kind", required: true);
        if (kindText is null)
            return null;
        if (!Kinds.TryGetValue(kindText, out var kind))
        {
            diagnostics.Add(DiagnosticCodes.UnknownStepKind, reader.PathOf("kind"),
                $"Unknown step kind '{kindText}'; expected one of {string.Join(", ", Kinds.Keys)}.");
            return null;
        }
        WorkflowStep step = kind switch
        {
            StepKind.Activity => ReadActivity(reader),
            StepKind.Parallel => ReadParallel(reader),
            StepKind.Foreach => ReadForeach(reader),
            StepKind.Switch => ReadSwitch(reader),
            StepKind.Loop => ReadLoop(reader),
            StepKind.Approval => ReadApproval(reader),
            StepKind.Wait => ReadWait(reader),
            StepKind.Delay => ReadDelay(reader),
            StepKind.Workflow => ReadSubWorkflow(reader),
            _ => ReadTransaction(reader),
        };
        step = step with
        {
            Id = id ?? string.Empty,
            Path = reader.Path,
            Description = reader.String("description"),
            Assign = reader.TemplateMap("assign"),
        };
        reader.Finish();
        return step;
    }

    private static Expression Placeholder { get; } = Expression.Parse("null");

    private ActivityCall ReadCall(ObjectReader? reader, string path)
    {
        if (reader is null)
            return new ActivityCall(string.Empty, JsonTemplate.Null, path);
        var call = new ActivityCall(WorkflowParser.ReadName(reader, "activity"), reader.Template("input"), reader.PathOf("activity"));
        reader.Finish();
        return call;
    }
}
