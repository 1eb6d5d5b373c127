using Microsoft.DurableTask.Client;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class RuntimeStoreContractTests
{
    [Fact]
    public async Task QueryInstancesAsync_StatusFilter_ReturnsOnlyThoseStatuses()
    {
        await CreateAsync("done", createdAt: Now);
        await FinishAsync("done");
        await CreateAsync("failed", createdAt: Now.AddSeconds(1));
        await FinishAsync("failed", OrchestrationRuntimeStatus.Failed);
        await CreateAsync("pending", createdAt: Now.AddSeconds(2));

        var page = await Store.QueryInstancesAsync(
            new InstanceFilter { Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Pending] }, 10, null, None);

        Assert.Equal(["done", "pending"], page.Instances.Select(i => i.InstanceId));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task QueryInstancesAsync_CreatedRange_IncludesBothEnds()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync($"i{i}", createdAt: Now.AddMinutes(i));
        }

        var page = await Store.QueryInstancesAsync(
            new InstanceFilter { CreatedFrom = Now.AddMinutes(1), CreatedTo = Now.AddMinutes(3) }, 10, null, None);

        Assert.Equal(["i1", "i2", "i3"], page.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task QueryInstancesAsync_IdPrefix_MatchesOrdinalPrefixOnly()
    {
        await CreateAsync("order-1");
        await CreateAsync("order-2");
        await CreateAsync("Order-3");
        await CreateAsync("xorder-4");

        var page = await Store.QueryInstancesAsync(new InstanceFilter { InstanceIdPrefix = "order-" }, 10, null, None);

        Assert.Equal(["order-1", "order-2"], page.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task QueryInstancesAsync_SeveralPages_ReturnsEveryMatchOnceInOrder()
    {
        // Ties on CreatedAt are ordered by id, so pages must break ties with the id too.
        for (var i = 0; i < 7; i++)
        {
            var id = $"p{6 - i}";
            await CreateAsync(id, createdAt: Now.AddMinutes(i / 3));
        }

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Store.QueryInstancesAsync(new InstanceFilter(), 2, token, None);
            seen.AddRange(page.Instances.Select(i => i.InstanceId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["p4", "p5", "p6", "p1", "p2", "p3", "p0"], seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task QueryInstancesAsync_ExactMultipleOfPageSize_LastPageHasNoToken()
    {
        await CreateAsync("a");
        await CreateAsync("b");

        var page = await Store.QueryInstancesAsync(new InstanceFilter(), 2, null, None);

        Assert.Equal(2, page.Instances.Count);
        Assert.Null(page.ContinuationToken);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm8tYmFy")]
    public async Task QueryInstancesAsync_MalformedToken_ThrowsArgumentException(string token)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryInstancesAsync(new InstanceFilter(), 10, token, None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task QueryInstancesAsync_PageSizeBelowOne_ThrowsArgumentOutOfRange(int pageSize)
    {
        await CreateAsync("a");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.QueryInstancesAsync(new InstanceFilter(), pageSize, null, None));
    }
}
