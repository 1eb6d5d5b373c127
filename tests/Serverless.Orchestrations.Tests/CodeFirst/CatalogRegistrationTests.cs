using Microsoft.DurableTask;
using Serverless.Activities;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Runtime.Registration;

namespace Serverless.Orchestrations.Tests.CodeFirst;

public sealed class CatalogRegistrationTests
{
    [Fact]
    public void OrchestratorCatalog_CodeFirst_ListsTheFivePatternsByName()
    {
        var names = OrchestratorCatalog.All.Select(d => d.Name).ToList();

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "SequentialChain", "FanOutFanIn", "OrderSaga", "HumanApproval", "TwoPhaseCommit" });
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(OrchestratorCatalog.All, d => Assert.True(typeof(ITaskOrchestrator).IsAssignableFrom(d.OrchestratorType)));
    }

    [Fact]
    public void AddActivity_EveryCatalogType_RegistersItsName()
    {
        var registry = new TaskRegistry();

        foreach (var d in ActivityCatalog.All)
        {
            registry.AddActivity(d.Name, d.ActivityType);
        }

        Assert.Equal(ActivityCatalog.All.Select(d => d.Name).Order(), registry.ActivityNames.Order());
    }

    [Fact]
    public void AddActivity_TypeThatIsNotAnActivity_Throws()
    {
        var registry = new TaskRegistry();

        Assert.Throws<ArgumentException>(() => registry.AddActivity("x", typeof(OrderSaga)));
        Assert.Throws<ArgumentException>(() => registry.AddOrchestrator("y", typeof(ITaskOrchestrator)));
        Assert.Empty(registry.ActivityNames);
        Assert.Empty(registry.OrchestratorNames);
    }
}
