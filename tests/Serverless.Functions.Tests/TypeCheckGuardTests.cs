using Microsoft.CodeAnalysis;
using Microsoft.DurableTask;
using Serverless.Functions.Tests.Guards;

namespace Serverless.Functions.Tests;

/// <summary>src/Functions compiles against the declared Azure API surface; a misspelt member or a wrong signature does not.</summary>
public sealed class TypeCheckGuardTests
{
    private static readonly FunctionsSource Source = FunctionsSource.Load();

    [Fact]
    public void Compile_CurrentSource_HasNoErrorsOrWarnings()
    {
        var problems = FunctionsCompilation.BuildBreakers(FunctionsCompilation.Compile(Source));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Analyze_CurrentSource_HasNoAnalyzerWarnings()
    {
        var problems = await SdkAnalyzers.RunAsync(FunctionsCompilation.Compile(Source));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Analyze_BlockScopedNamespace_ReportsTheStyleRuleTheBuildEnforces()
    {
        // .editorconfig makes file-scoped namespaces a warning, so the real build (warnings as errors) fails on this.
        var edited = Source.With("Bindings/SharedTasks.cs", "namespace Serverless.Functions.Bindings;", "namespace Serverless.Functions.Bindings\n{");
        edited = edited.WithFile("Bindings/SharedTasks.cs", edited.Files["Bindings/SharedTasks.cs"] + "}\n");

        var problems = await SdkAnalyzers.RunAsync(FunctionsCompilation.Compile(edited));

        Assert.Contains(problems, p => p.Id == "IDE0161");
    }

    [Fact]
    public async Task Analyze_CodeQualityWarning_IsReported()
    {
        // CA2013 (ReferenceEquals on value types) is a warning at the build's analysis level.
        var edited = Source.WithFile("Bindings/Extra.cs", """
            namespace Serverless.Functions.Bindings;

            internal static class Extra
            {
                public static bool Same(int value) => ReferenceEquals(value, value);
            }
            """);

        var problems = await SdkAnalyzers.RunAsync(FunctionsCompilation.Compile(edited));

        // One per boxed argument.
        Assert.Equal(["CA2013", "CA2013"], problems.Select(p => p.Id));
    }

    [Fact]
    public void Compile_MisspeltContextMember_ReportsMissingMember()
    {
        var edited = Source.With("Adapters/AzureOrchestrationContext.cs", "inner.NewGuid()", "inner.NewGuild()");

        var problems = FunctionsCompilation.BuildBreakers(FunctionsCompilation.Compile(edited));

        var problem = Assert.Single(problems);
        Assert.Equal("CS1061", problem.Id);
        Assert.Equal("Adapters/AzureOrchestrationContext.cs", problem.Location.SourceTree?.FilePath);
    }

    [Fact]
    public void Compile_TimerWithoutCancellationToken_ReportsWrongSignature()
    {
        // Durable's CreateTimer has no overload without a token (a trap AZURE_API.md names).
        var edited = Source.With("Adapters/AzureOrchestrationContext.cs", "inner.CreateTimer(fireAt, cancellationToken)", "inner.CreateTimer(fireAt)");

        var problems = FunctionsCompilation.BuildBreakers(FunctionsCompilation.Compile(edited));

        var problem = Assert.Single(problems);
        Assert.Equal("CS1501", problem.Id);
    }

    [Fact]
    public void Compile_QueryMethodUnderItsWrongName_ReportsMissingMember()
    {
        // The query method is GetAllInstancesAsync, not GetInstancesAsync(query) (another AZURE_API.md trap).
        var edited = Source.With("Adapters/AzureDurableTaskClient.cs", "inner.GetAllInstancesAsync(", "inner.GetInstancesAsync(");

        var problems = FunctionsCompilation.BuildBreakers(FunctionsCompilation.Compile(edited));

        Assert.Contains(problems, p => p.Id == "CS1061" && p.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("GetInstancesAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_MisspeltTriggerAttribute_ReportsUnknownType()
    {
        var line = FirstLineWith("Bindings/OrchestratorFunctions.cs", "[OrchestrationTrigger]");
        var edited = Source.With("Bindings/OrchestratorFunctions.cs", line, line.Replace("[OrchestrationTrigger]", "[OrchestrationTriger]", StringComparison.Ordinal));

        var problems = FunctionsCompilation.BuildBreakers(FunctionsCompilation.Compile(edited));

        Assert.Contains(problems, p => p.Id == "CS0246" && p.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Compile_BindingGivenTheWrongInputType_ReportsTypeMismatch()
    {
        // An activity binding whose trigger parameter does not match the shared activity's input type.
        var edited = Source.WithFile("Bindings/Extra.cs", """
            using Microsoft.Azure.Functions.Worker;

            namespace Serverless.Functions.Bindings;

            /// <summary>A wrong binding.</summary>
            public static class Extra
            {
                /// <summary>Runs the first shared activity with a string input.</summary>
                [Function("extra")]
                public static Task<int> Run([ActivityTrigger] string input, FunctionContext function) =>
                    SharedTasks.RunActivityAsync<Serverless.Orchestration.TaskActivity<int, int>, int, int>(input, function);
            }
            """);

        var problems = FunctionsCompilation.BuildBreakers(FunctionsCompilation.Compile(edited));

        Assert.Contains(problems, p => p.Id == "CS1503" && p.Location.SourceTree?.FilePath == "Bindings/Extra.cs");
    }

    // The first line containing marker, so an edit touches one binding only.
    private static string FirstLineWith(string file, string marker) =>
        Source.Files[file].Split('\n').First(line => line.Contains(marker, StringComparison.Ordinal)).TrimEnd('\r');
}
