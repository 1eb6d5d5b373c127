using Serverless.Tables;

namespace Serverless.Tests.Tables;

public sealed class TableQueryFilterTests
{
    [Fact]
    public void CreateQueryFilter_QuoteInValue_IsDoubledInsideTheLiteral()
    {
        var hostile = "x' or RowKey ne '";

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {hostile}");

        Assert.Equal("PartitionKey eq 'x'' or RowKey ne '''", filter);
    }

    [Fact]
    public void CreateQueryFilter_TypedValues_UseODataLiterals()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));

        var filter = TableClient.CreateQueryFilter($"A eq {42} and B eq {42L} and C eq {true} and D eq {id} and E ge {at} and F eq {new byte[] { 1, 171 }} and G eq {2.0}");

        Assert.Equal(
            "A eq 42 and B eq 42L and C eq true and D eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and E ge datetime'2026-01-02T01:04:05.0000000Z' and F eq X'01ab' and G eq 2.0",
            filter);
    }

    [Fact]
    public void CreateQueryFilter_UnsupportedType_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"A eq {1.5m}"));
    }

    [Fact]
    public void CreateQueryFilter_NaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"A eq {double.NaN}"));
    }
}
