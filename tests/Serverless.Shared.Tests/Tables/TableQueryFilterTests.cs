using System.Net;
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

    [Fact]
    public async Task SubmitTransactionAsync_FailedSubResponse_ReportsIndexFromServiceMessage()
    {
        const string Body =
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
            "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 412 Precondition Failed\r\nContent-Type: application/json;odata=minimalmetadata\r\n\r\n" +
            "{\"odata.error\":{\"code\":\"UpdateConditionNotSatisfied\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The update condition specified in the request was not satisfied.\"}}}\r\n" +
            "--changesetresponse_2--\r\n--batchresponse_1--\r\n";
        var http = new RecordingHandler().Then(HttpStatusCode.Accepted, Body, "multipart/mixed; boundary=batchresponse_1");
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "b"), new Azure.ETag("W/\"1\"")),
        ];

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => http.Client().SubmitTransactionAsync(actions));

        Assert.Equal(1, e.FailedTransactionActionIndex);
        Assert.Equal(412, e.Status);
        Assert.Equal(TableErrorCodes.UpdateConditionNotSatisfied, e.ErrorCode);
        var sent = Assert.Single(http.Requests).Body!;
        Assert.Contains("POST http://127.0.0.1:10002/devstoreaccount1/mytable HTTP/1.1", sent, StringComparison.Ordinal);
        Assert.Contains("MERGE http://127.0.0.1:10002/devstoreaccount1/mytable(PartitionKey='p',RowKey='b') HTTP/1.1", sent, StringComparison.Ordinal);
        Assert.Contains("If-Match: W/\"1\"", sent, StringComparison.Ordinal);
    }
}
