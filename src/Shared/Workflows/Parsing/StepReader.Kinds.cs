using System.Text.Json.Nodes;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;
using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Parsing;

/// <summary>Kind-specific readers. Id and Path are filled in by <see cref="ReadStep"/>.</summary>
internal sealed partial class StepReader
{
    private ActivityStep ReadActivity(ObjectReader reader)
    {
        var retry = reader.Object("retry");
        return new ActivityStep
        {
            Id = string.Empty,
            Path = reader.Path,
            Call = new ActivityCall(WorkflowParser.ReadName(reader, "activity"), reader.Template("input"), reader.PathOf("activity")),
            Retry = retry is null ? null : ReadRetry(retry),
            Timeout = reader.Duration("timeout"),
            Compensate = reader.Has("compensate") ? ReadCall(reader.Object("compensate"), reader.PathOf("compensate")) : Skip(reader, "compensate"),
            Fallback = reader.Has("fallback") ? ReadCall(reader.Object("fallback"), reader.PathOf("fallback")) : Skip(reader, "fallback"),
            OnError = reader.Enum("onError", ErrorAction.Fail),
            Goto = reader.String("goto"),
        };
    }

    private static ActivityCall? Skip(ObjectReader reader, string name)
    {
        reader.Raw(name);
        return null;
    }

    private static RetryPolicy ReadRetry(ObjectReader reader)
    {
        var policy = new RetryPolicy(
            reader.Int("maxAttempts", 1, int.MaxValue, required: true) ?? 1,
            reader.Duration("initialInterval") ?? TimeSpan.FromSeconds(1),
            reader.Number("backoffCoefficient", 1, 100) ?? 2.0,
            reader.Duration("maxInterval"));
        if (policy.MaxInterval < policy.InitialInterval)
            reader.Diagnostics.Add(DiagnosticCodes.InvalidValue, reader.PathOf("maxInterval"), "'maxInterval' must not be shorter than 'initialInterval'.");
        reader.Finish();
        return policy;
    }

    private ParallelStep ReadParallel(ObjectReader reader)
    {
        var branches = new List<ParallelBranch>();
        var array = reader.Array("branches", required: true);
        if (array is { Count: 0 })
            diagnostics.Add(DiagnosticCodes.EmptySteps, reader.PathOf("branches"), "A parallel step needs at least one branch.");
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var path = JsonPath.Item(reader.PathOf("branches"), i);
            if (array[i] is not JsonObject obj)
            {
                diagnostics.Add(DiagnosticCodes.WrongType, path, "A branch must be an object with 'name' and 'steps'.");
                continue;
            }
            var branch = new ObjectReader(obj, path, diagnostics);
            var name = branch.String("name", required: true) ?? string.Empty;
            branches.Add(new ParallelBranch(name, ReadSequence(branch.Array("steps", required: true), branch.PathOf("steps"))));
            branch.Finish();
        }
        return new ParallelStep
        {
            Id = string.Empty,
            Path = reader.Path,
            Branches = branches,
            FailurePolicy = reader.Enum("failurePolicy", ParallelFailurePolicy.FailFast),
        };
    }

    private ForeachStep ReadForeach(ObjectReader reader) => new()
    {
        Id = string.Empty,
        Path = reader.Path,
        Items = reader.Expression("items", required: true) ?? Placeholder,
        Body = ReadSequence(reader.Array("steps", required: true), reader.PathOf("steps")),
        MaxConcurrency = reader.Int("maxConcurrency", 1, int.MaxValue) ?? 1,
        Break = reader.Expression("break"),
        OnItemError = reader.Enum("onItemError", ItemErrorPolicy.Fail),
    };

    private SwitchStep ReadSwitch(ObjectReader reader)
    {
        var cases = new List<SwitchCase>();
        var array = reader.Array("cases", required: true);
        if (array is { Count: 0 })
            diagnostics.Add(DiagnosticCodes.EmptySteps, reader.PathOf("cases"), "A switch step needs at least one case.");
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var path = JsonPath.Item(reader.PathOf("cases"), i);
            if (array[i] is not JsonObject obj)
            {
                diagnostics.Add(DiagnosticCodes.WrongType, path, "A case must be an object with 'when' and 'steps'.");
                continue;
            }
            var item = new ObjectReader(obj, path, diagnostics);
            var when = item.Expression("when", required: true) ?? Placeholder;
            cases.Add(new SwitchCase(when, ReadSequence(item.Array("steps", required: true), item.PathOf("steps"))));
            item.Finish();
        }
        var defaultSteps = reader.Array("default");
        return new SwitchStep
        {
            Id = string.Empty,
            Path = reader.Path,
            Cases = cases,
            Default = defaultSteps is null ? null : ReadSequence(defaultSteps, reader.PathOf("default")),
        };
    }

    private LoopStep ReadLoop(ObjectReader reader)
    {
        var loop = new LoopStep
        {
            Id = string.Empty,
            Path = reader.Path,
            While = reader.Expression("while"),
            Until = reader.Expression("until"),
            MaxIterations = reader.Int("maxIterations", 1, int.MaxValue) ?? 0,
            OnMaxIterations = reader.Enum("onMaxIterations", LoopCapAction.Fail),
            Body = ReadSequence(reader.Array("steps", required: true), reader.PathOf("steps")),
        };
        if (!reader.Has("while") && !reader.Has("until"))
            diagnostics.Add(DiagnosticCodes.MissingProperty, reader.Path, "A loop needs a 'while' or an 'until' condition.");
        return loop;
    }
}
