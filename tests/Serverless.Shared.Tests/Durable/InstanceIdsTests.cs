using Serverless.Audit;
using Serverless.Durable;

namespace Serverless.Tests.Durable;

public sealed class InstanceIdsTests
{
    [Theory]
    [InlineData("~access")]
    [InlineData("~trigger.shop")]
    [InlineData("~")]
    public void Problem_AuditStreamPrefix_IsRefused(string id)
    {
        var problem = InstanceIds.Problem(id);

        Assert.NotNull(problem);
        Assert.Contains("'~'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order-42")]
    [InlineData("a~b")]
    public void Problem_TildeNotFirst_IsAccepted(string id) => Assert.Null(InstanceIds.Problem(id));

    [Fact]
    public void Trigger_Name_StartsWithThePrefixAndIsNotAnInstanceId()
    {
        var stream = AuditStreams.Trigger("shop");

        Assert.Equal(AuditStreams.Prefix, stream[0]);
        Assert.NotNull(InstanceIds.Problem(stream));
        Assert.NotNull(InstanceIds.Problem(AuditStreams.Access));
    }
}
