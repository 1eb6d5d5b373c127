using System.Text;
using System.Text.Json;
using Serverless.Tables;

namespace Serverless.Tests.Tables;

public sealed class TableEntityTests
{
    [Fact]
    public void GetBoolean_Missing_ReturnsNullNotFalse()
    {
        Assert.Null(new TableEntity("p", "r").GetBoolean("Flag"));
    }

    [Fact]
    public void GetInt64_StoredInt32_Widens()
    {
        Assert.Equal(7L, new TableEntity("p", "r") { ["N"] = 7 }.GetInt64("N"));
    }

    [Fact]
    public void GetString_StoredInt32_ThrowsNamingBothTypes()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new TableEntity("p", "r") { ["N"] = 7 }.GetString("N"));

        Assert.Contains("Int32", e.Message, StringComparison.Ordinal);
        Assert.Contains("String", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDateTimeOffset_StoredUnspecifiedDateTime_IsTakenAsUtc()
    {
        var entity = new TableEntity("p", "r") { ["At"] = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified) };

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), entity.GetDateTimeOffset("At"));
    }

    [Fact]
    public void Write_TypesJsonCannotCarry_AreAnnotated()
    {
        var entity = new TableEntity("p", "r") { ["Big"] = 5L, ["D"] = 2.0, ["I"] = 5, ["S"] = "s", ["G"] = Guid.Empty, ["B"] = new byte[] { 1 } };

        var json = Encoding.UTF8.GetString(TableEntityJson.Write(entity, entity));

        Assert.Contains("\"Big@odata.type\":\"Edm.Int64\",\"Big\":\"5\"", json, StringComparison.Ordinal);
        Assert.Contains("\"D@odata.type\":\"Edm.Double\",\"D\":2", json, StringComparison.Ordinal);
        Assert.Contains("\"G@odata.type\":\"Edm.Guid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"B@odata.type\":\"Edm.Binary\",\"B\":\"AQ==\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("I@odata.type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("S@odata.type", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrittenEntity_KeepsEveryTypeIncludingNonFiniteDoubles()
    {
        var entity = new TableEntity("p", "r")
        {
            ["Nan"] = double.NaN, ["Inf"] = double.PositiveInfinity, ["NegInf"] = double.NegativeInfinity,
            ["Two"] = 2.0, ["I"] = 2, ["L"] = 2L, ["Empty"] = Array.Empty<byte>(),
        };

        using var doc = JsonDocument.Parse(TableEntityJson.Write(entity, entity));
        var read = TableEntityJson.Read(doc.RootElement);

        Assert.Equal(double.NaN, read["Nan"]);
        Assert.Equal(double.PositiveInfinity, read["Inf"]);
        Assert.Equal(double.NegativeInfinity, read["NegInf"]);
        Assert.IsType<double>(read["Two"]);
        Assert.IsType<int>(read["I"]);
        Assert.IsType<long>(read["L"]);
        Assert.Equal(Array.Empty<byte>(), read["Empty"]);
    }
}
