using Serverless.Workflows.Model;
using Serverless.Workflows.Validation;

namespace Serverless.Shared.Tests.Workflows;

public class StepGraphTests
{
    [Fact]
    public void Build_SampleWithNestedSteps_LocatesEveryStep()
    {
        // Arrange
        var compiled = WorkflowCompiler.CompileOrThrow(SampleFiles.Read("conditional-routing.json"), SampleDefinitionTests.SampleOptions());

        // Act
        var graph = compiled.Graph;

        // Assert
        Assert.Equal(6, graph.Count);
        Assert.Equal(2, graph["route"].Index);
        Assert.Equal("route", graph["euQueue"].Parent!.Id);
        Assert.Equal(2, graph["euQueue"].Depth);
        Assert.Equal("tag", graph["enrich"].Next!.Id);
        Assert.Null(graph["route"].Next);
    }

    [Fact]
    public void Build_GotoTarget_IsLaterInTheSameSequence()
    {
        // Arrange
        var compiled = WorkflowCompiler.CompileOrThrow(SampleFiles.Read("conditional-routing.json"), SampleDefinitionTests.SampleOptions());
        var enrich = (ActivityStep)compiled.Graph["enrich"].Step;

        // Act
        var target = compiled.Graph[enrich.Goto!];

        // Assert
        Assert.Same(compiled.Graph["enrich"].Sequence, target.Sequence);
        Assert.True(target.Index > compiled.Graph["enrich"].Index);
    }
}
