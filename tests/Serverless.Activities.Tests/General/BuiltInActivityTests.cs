using System.Text.Json.Nodes;
using Serverless.Activities.General;
using Serverless.Activities.Notifications;
using Serverless.Activities.Tests.Infrastructure;
using Serverless.Audit;

namespace Serverless.Activities.Tests.General;

public sealed class BuiltInActivityTests : IDisposable
{
    private readonly ActivityHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Echo_AnyValue_ReturnsIt()
    {
        var input = JsonNode.Parse("""{"a":[1,"two",null]}""");

        var output = await _host.RunAsync<Echo, JsonNode?, JsonNode?>(input);

        Assert.Equal(input!.ToJsonString(), output!.ToJsonString());
    }

    [Fact]
    public async Task Fail_MessageAndType_ThrowsWithBoth()
    {
        var error = await Assert.ThrowsAsync<RequestedFailureException>(() => _host.RunAsync<Fail, FailInput?, object?>(new FailInput("Amount must be positive.", "Validation")));

        Assert.Equal("Validation: Amount must be positive.", error.Message);
        Assert.Equal("Validation", error.ErrorType);
    }

    [Fact]
    public async Task Transform_WithData_EvaluatesTemplateAgainstIt()
    {
        var input = new TransformInput
        {
            Template = JsonNode.Parse("""{"id":"{{input.order.id}}","count":"{{input.order.items.length}}","label":"order {{input.order.id}}"}"""),
            Data = JsonNode.Parse("""{"order":{"id":42,"items":[1,2,3]}}"""),
        };

        var output = await _host.RunAsync<Transform, TransformInput?, JsonNode?>(input);

        Assert.Equal("""{"id":42,"count":3,"label":"order 42"}""", output!.ToJsonString());
    }

    [Fact]
    public async Task Transform_WithoutData_ReturnsTemplateAsEvaluatedByInterpreter()
    {
        var input = new TransformInput { Template = JsonNode.Parse("""{"literal":"{{ not a hole any more"}""") };

        var output = await _host.RunAsync<Transform, TransformInput?, JsonNode?>(input);

        Assert.Equal(input.Template!.ToJsonString(), output!.ToJsonString());
    }

    [Fact]
    public async Task Transform_BadHole_ThrowsArgumentException()
    {
        var input = new TransformInput { Template = JsonValue.Create("{{input.(}}"), Data = new JsonObject() };

        await Assert.ThrowsAsync<ArgumentException>(() => _host.RunAsync<Transform, TransformInput?, JsonNode?>(input));
    }

    [Fact]
    public async Task Notify_Redelivered_StoresOneNotification()
    {
        var input = new NotifyInput { To = "Customer-7", Message = "Order o-1 ships." };

        var first = await _host.RunAsync<Notify, NotifyInput, NotifyOutput>(input);
        var again = await _host.RunAsync<Notify, NotifyInput, NotifyOutput>(input);

        Assert.Equal(first.Id, again.Id);
        var stored = Assert.Single(await _host.Get<NotificationBox>().ListAsync("customer-7"));
        Assert.Equal(("Order o-1 ships.", "order-1", _host.Clock.GetUtcNow()), (stored.Body, stored.InstanceId, stored.SentAt));
    }

    [Fact]
    public async Task Notify_NoMessage_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _host.RunAsync<Notify, NotifyInput, NotifyOutput>(new NotifyInput { To = "x", Subject = "only a subject" }));
    }

    [Fact]
    public async Task Audit_RedeliveredWithoutTime_WritesOneEntryWithFirstTime()
    {
        var input = new JsonObject { ["event"] = "transfer.completed", ["workflow"] = "money-transfer", ["actor"] = "alice", ["amount"] = 30 };
        var firstTime = _host.Clock.GetUtcNow();

        var first = await _host.RunAsync<RecordAudit, JsonObject, AuditOutput>((JsonObject)input.DeepClone());
        _host.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = await _host.RunAsync<RecordAudit, JsonObject, AuditOutput>((JsonObject)input.DeepClone());

        Assert.Equal((true, false, first.Id), (first.Recorded, again.Recorded, again.Id));
        var records = new List<AuditRecord>();
        await foreach (var record in _host.Get<AuditTrail>().ReadTrailAsync("order-1"))
        {
            records.Add(record);
        }

        var entry = Assert.Single(records).Entry;
        Assert.Equal(("transfer.completed", "money-transfer", "alice", firstTime), (entry.EventType, entry.WorkflowName, entry.Actor, entry.Time));
        Assert.Equal("""{"amount":30}""", entry.DetailsJson);
        Assert.True((await _host.Get<AuditTrail>().VerifyTrailAsync("order-1")).IsIntact);
    }

    [Fact]
    public async Task Audit_GivenTime_UsesItAndTreatsRepeatAsSameEntry()
    {
        var input = new JsonObject { ["event"] = "step.completed", ["time"] = "2026-01-01T08:30:00.0000000+00:00", ["step"] = "charge" };

        var first = await _host.RunAsync<RecordAudit, JsonObject, AuditOutput>((JsonObject)input.DeepClone());
        var again = await _host.RunAsync<RecordAudit, JsonObject, AuditOutput>((JsonObject)input.DeepClone());

        Assert.Equal((true, false), (first.Recorded, again.Recorded));
        await foreach (var record in _host.Get<AuditTrail>().ReadTrailAsync("order-1"))
        {
            Assert.Equal((new DateTimeOffset(2026, 1, 1, 8, 30, 0, TimeSpan.Zero), "charge", (string?)null), (record.Entry.Time, record.Entry.Step, record.Entry.DetailsJson));
        }
    }

    [Fact]
    public async Task Audit_BadTime_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _host.RunAsync<RecordAudit, JsonObject, AuditOutput>(new JsonObject { ["event"] = "e", ["time"] = "yesterday" }));
    }

    [Fact]
    public async Task Audit_NoEvent_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _host.RunAsync<RecordAudit, JsonObject, AuditOutput>(new JsonObject { ["workflow"] = "w" }));
    }
}
