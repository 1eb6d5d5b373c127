using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Activities.Approvals;
using Serverless.Activities.Tests.Infrastructure;
using Serverless.Workflows;

namespace Serverless.Activities.Tests;

public sealed class ActivityCatalogTests
{
    [Fact]
    public void All_Names_AreTheWellKnownActivitiesPlusTheInboxAndWorkflowEventActivities()
    {
        var names = ActivityCatalog.All.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ActivityCatalog.All.Count, names.Count);
        Assert.True(names.SetEquals(WellKnownActivities.All.Append(RequestApproval.Name).Append(CloseApproval.Name).Append(ConfirmApprovalDecision.Name).Append(Workflows.RecordWorkflowEventsActivity.Name)));
    }

    [Fact]
    public void AddServerlessActivities_EveryCatalogEntry_ResolvesAsAnActivity()
    {
        using var host = new ActivityHost();

        foreach (var descriptor in ActivityCatalog.All)
        {
            var activity = host.Services.GetRequiredService(descriptor.ActivityType);
            Assert.IsAssignableFrom<ITaskActivity>(activity);
        }
    }
}
