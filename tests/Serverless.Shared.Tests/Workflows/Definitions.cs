using Serverless.Workflows;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Validation;

namespace Serverless.Shared.Tests.Workflows;

/// <summary>Builds small definitions for rule tests and compiles them with the well-known activity registry.</summary>
internal static class Definitions
{
    public const string Echo = """{ "id": "a", "kind": "activity", "activity": "echo" }""";

    public static ValidationOptions Options { get; } = new() { ActivityRegistry = WellKnownActivities.All };

    public static string With(string steps, string extra = "") =>
        $$"""{ "name": "t", "version": 1, {{extra}}{{(extra.Length > 0 ? "," : "")}} "steps": [ {{steps}} ] }""";

    public static IReadOnlyList<WorkflowDiagnostic> Problems(string json, ValidationOptions? options = null) =>
        WorkflowCompiler.Compile(json, options ?? Options).Diagnostics;

    public static IReadOnlyList<WorkflowDiagnostic> StepProblems(string steps, string extra = "", ValidationOptions? options = null) =>
        Problems(With(steps, extra), options);

    public static WorkflowDiagnostic Single(IReadOnlyList<WorkflowDiagnostic> problems, string code)
    {
        Assert.True(problems.Count == 1, $"Expected exactly one {code}, got:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        Assert.Equal(code, problems[0].Code);
        return problems[0];
    }

    public static void Valid(IReadOnlyList<WorkflowDiagnostic> problems) =>
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
}
