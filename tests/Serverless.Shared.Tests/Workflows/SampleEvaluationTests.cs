using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;
using Serverless.Workflows.Validation;

namespace Serverless.Shared.Tests.Workflows;

/// <summary>Walks compiled samples the way the interpreter will: look steps up in the graph, evaluate their templates and conditions.</summary>
public class SampleEvaluationTests
{
    [Fact]
    public void Evaluate_OrderSagaTemplates_CarryValuesBetweenSteps()
    {
        // Arrange
        var workflow = Compile("order-fulfilment.json");
        var scope = new EvaluationScope
        {
            Input = JsonNode.Parse("""{ "orderId": "o-1", "customerId": "c-9", "items": [ { "sku": "A", "qty": 2 } ], "amount": 42.5 }"""),
            Steps = new Dictionary<string, StepResult>
            {
                ["reserve"] = new(JsonNode.Parse("""{ "reservationId": "r-7" }""")),
                ["charge"] = new(JsonNode.Parse("""{ "paymentId": "p-3" }""")),
                ["ship"] = new(JsonNode.Parse("""{ "shipmentId": "s-1", "trackingNumber": "TRK1" }""")),
            },
        };
        var reserve = (ActivityStep)workflow.Graph["reserve"].Step;
        var charge = (ActivityStep)workflow.Graph["charge"].Step;
        var confirm = (ActivityStep)workflow.Graph["confirm"].Step;

        // Act
        var reserveInput = reserve.Call.Input.Evaluate(scope)!;
        var refundInput = charge.Compensate!.Input.Evaluate(scope)!;
        var message = confirm.Call.Input.Evaluate(scope)!["message"]!.GetValue<string>();
        var output = workflow.Definition.Output!.Evaluate(scope)!;

        // Assert
        Assert.Equal("""{"orderId":"o-1","items":[{"sku":"A","qty":2}]}""", reserveInput.ToJsonString());
        Assert.Equal("""{"paymentId":"p-3","amount":42.5}""", refundInput.ToJsonString());
        Assert.Equal("Order o-1 ships as TRK1.", message);
        Assert.Equal("""{"orderId":"o-1","paymentId":"p-3","trackingNumber":"TRK1"}""", output.ToJsonString());
    }

    [Theory]
    [InlineData("critical", "us", false, 0)]
    [InlineData("low", "us", true, 0)]
    [InlineData("high", "eu-west", false, 1)]
    [InlineData("high", "us-east", false, -1)]
    [InlineData("low", "eu-west", false, -1)]
    public void Evaluate_RoutingCases_FirstMatchOrDefault(string priority, string region, bool vip, int expectedCase)
    {
        // Arrange
        var route = (SwitchStep)Compile("conditional-routing.json").Graph["route"].Step;
        var scope = new EvaluationScope
        {
            Input = new JsonObject { ["ticketId"] = "t-1", ["priority"] = priority, ["region"] = region },
            Steps = new Dictionary<string, StepResult> { ["enrich"] = new(new JsonObject { ["body"] = new JsonObject { ["vip"] = vip } }) },
        };

        // Act
        var taken = route.Cases.ToList().FindIndex(c => c.When.IsTrue(scope));

        // Assert
        Assert.Equal(expectedCase, taken);
    }

    [Theory]
    [InlineData("running", false)]
    [InlineData("done", true)]
    [InlineData("failed", true)]
    public void Evaluate_PollingUntil_BreaksOnTerminalStatus(string status, bool stops)
    {
        // Arrange
        var loop = (LoopStep)Compile("polling-loop.json").Graph["poll"].Step;
        var scope = new EvaluationScope
        {
            Steps = new Dictionary<string, StepResult> { ["check"] = new(new JsonObject { ["body"] = new JsonObject { ["status"] = status } }) },
            Index = 3,
        };

        // Act
        var stop = loop.Until!.IsTrue(scope);

        // Assert
        Assert.Equal(stops, stop);
        Assert.Equal(40, loop.MaxIterations);
    }

    [Fact]
    public void Evaluate_PollingAssign_IncrementsCounter()
    {
        // Arrange
        var check = Compile("polling-loop.json").Graph["check"].Step;
        var scope = new EvaluationScope { Vars = new Dictionary<string, JsonNode?> { ["polls"] = 4 } };

        // Act
        var polls = check.Assign["polls"].Evaluate(scope);

        // Assert
        Assert.Equal(5m, polls!.GetValue<decimal>());
    }

    private static CompiledWorkflow Compile(string sample) =>
        WorkflowCompiler.CompileOrThrow(SampleFiles.Read(sample), SampleDefinitionTests.SampleOptions());
}
