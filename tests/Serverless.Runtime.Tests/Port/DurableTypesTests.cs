using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.History;

namespace Serverless.Runtime.Tests.Port;

public class DurableTypesTests
{
    [Fact]
    public void TaskFailureDetails_FromNestedException_KeepsTypeMessageAndInnerChain()
    {
        var error = new InvalidOperationException("outer", new ArgumentException("inner"));

        var details = TaskFailureDetails.FromException(error);

        Assert.Equal("System.InvalidOperationException", details.ErrorType);
        Assert.Equal("outer", details.ErrorMessage);
        Assert.Equal("System.ArgumentException", details.InnerFailure?.ErrorType);
        Assert.True(details.IsCausedBy<InvalidOperationException>());
        Assert.True(details.IsCausedBy<Exception>());
        Assert.False(details.IsCausedBy<ArgumentException>());
    }

    [Fact]
    public void TaskName_FromString_KeepsName()
    {
        TaskName name = "Approve";

        Assert.Equal("Approve", name.Name);
        Assert.Equal("Approve", name.ToString());
    }

    [Fact]
    public void PayloadConverter_RoundTripsRecordsWithWebNames()
    {
        var converter = PayloadJson.Converter;

        var json = converter.Serialize(new Order("o-1", 3));
        var back = converter.Deserialize<Order>(json);

        Assert.Equal("{\"id\":\"o-1\",\"quantity\":3}", json);
        Assert.Equal(new Order("o-1", 3), back);
        Assert.Null(converter.Serialize(null));
    }

    [Fact]
    public void HistoryJson_EveryEventType_RoundTripsWithItsTypeName()
    {
        var at = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        var failure = new TaskFailureDetails("System.Exception", "boom", null, null, null);
        HistoryEvent[] history =
        [
            new ExecutionStarted(at, "Flow", "1", "\"in\"", "exec", new ParentOrchestrationInstance("Parent", "p-1"), at),
            new OrchestratorStarted(at),
            new TaskScheduled(0, at, "Act", "1"),
            new TaskCompleted(at, 0, "2"),
            new TaskFailed(at, 0, failure),
            new TimerCreated(1, at, at.AddMinutes(5)),
            new TimerFired(at, 1, at.AddMinutes(5)),
            new EventRaised(at, "go", "true"),
            new EventSent(2, at, "other", "ping", null),
            new SubOrchestrationCreated(3, at, "Child", null, "c-1", null),
            new SubOrchestrationCompleted(at, 3, "\"ok\""),
            new SubOrchestrationFailed(at, 3, failure),
            new ContinuedAsNew(at, "5"),
            new ExecutionTerminated(at, "\"stop\"", Recursive: true),
            new ExecutionSuspended(at, "why"),
            new ExecutionResumed(at, "because"),
            new ExecutionCompleted(at, OrchestrationRuntimeStatus.Completed, "\"done\"", null),
        ];

        var json = HistoryJson.SerializeList(history);
        var back = HistoryJson.DeserializeList(json);

        Assert.Equal(history, back);
        Assert.Contains("\"type\":\"TimerFired\"", json, StringComparison.Ordinal);
        Assert.Equal(17, back.Select(e => e.EventType).Distinct().Count());
    }

    public sealed record Order(string Id, int Quantity);
}
