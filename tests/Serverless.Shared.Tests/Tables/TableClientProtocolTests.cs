using System.Net;
using Azure;
using Serverless.Tables;

namespace Serverless.Tests.Tables;

/// <summary>Wire-level answers the client must interpret exactly (scripted through Azure.Core's real transport).</summary>
public sealed class TableClientProtocolTests
{
    [Fact]
    public async Task CreateIfNotExistsAsync_TableBeingDeleted_ThrowsInsteadOfReportingSuccess()
    {
        var http = new RecordingHandler().Then(
            HttpStatusCode.Conflict, """{"odata.error":{"code":"TableBeingDeleted","message":{"lang":"en-US","value":"The specified table is being deleted."}}}""");

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => http.Client().CreateIfNotExistsAsync());

        Assert.Equal((409, "TableBeingDeleted"), (e.Status, e.ErrorCode));
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
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "b"), new ETag("W/\"1\"")),
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
