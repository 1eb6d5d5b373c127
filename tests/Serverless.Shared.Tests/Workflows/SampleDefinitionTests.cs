using Serverless.Workflows;
using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Validation;

namespace Serverless.Shared.Tests.Workflows;

public class SampleDefinitionTests
{
    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in SampleFiles.All())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Compile_Sample_HasNoDiagnostics(string fileName)
    {
        // Arrange
        var options = SampleOptions();

        // Act
        var result = WorkflowCompiler.Compile(SampleFiles.Read(fileName), options);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Fact]
    public void Compile_AllSamples_CoverEveryStepKind()
    {
        // Arrange
        var options = SampleOptions();

        // Act
        var kinds = SampleFiles.All()
            .Select(f => WorkflowCompiler.CompileOrThrow(File.ReadAllText(f), options).Definition)
            .SelectMany(WorkflowCompiler.KindsUsed)
            .ToHashSet();

        // Assert
        Assert.Equal(Enum.GetValues<StepKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void Samples_Count_AtLeastEight()
    {
        // Act
        var count = SampleFiles.All().Count();

        // Assert
        Assert.True(count >= 8, $"Only {count} samples found in {SampleFiles.Directory}.");
    }

    [Fact]
    public void Compile_OnboardingChain_ResolvesThreeLevelsOfSubWorkflows()
    {
        // Arrange
        var options = SampleOptions();

        // Act
        var top = WorkflowCompiler.CompileOrThrow(SampleFiles.Read("onboarding.json"), options).Definition;
        var level2 = options.ResolveWorkflow!("onboarding-it-setup", 1)!;
        var level3 = options.ResolveWorkflow!("onboarding-accounts", 1)!;

        // Assert
        Assert.Contains(top.Steps, s => s is SubWorkflowStep { Workflow: "onboarding-it-setup", Version: 1 });
        Assert.Contains(level2.Steps, s => s is SubWorkflowStep { Workflow: "onboarding-accounts", Version: 1 });
        Assert.DoesNotContain(level3.Steps, s => s is SubWorkflowStep);
    }

    internal static ValidationOptions SampleOptions()
    {
        var definitions = SampleFiles.All()
            .Select(f => WorkflowParser.Parse(File.ReadAllText(f)).Definition!)
            .ToDictionary(d => (d.Name, d.Version));
        return new ValidationOptions
        {
            ActivityRegistry = WellKnownActivities.All,
            TagsRequiringApproval = new HashSet<string> { "finance" },
            MaxTimeout = TimeSpan.FromDays(30),
            ResolveWorkflow = (name, version) => definitions.GetValueOrDefault((name, version)),
        };
    }
}
